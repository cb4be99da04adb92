package org.quanze.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

/**
 * Sheets a department's workbook carries beside its list: the template's instructions, which
 * name every column as the header does and say what goes in it, and a hidden sheet holding the
 * drop-down options of the type and level columns. Neither holds an item. The wording is a
 * template's, written for these variations, not taken from any list.
 */
final class SheetExtras {

    private SheetExtras() {}

    /** One row per column of the template: its label and what to write in it. */
    static final List<List<String>> INSTRUCTIONS = List.of(
            List.of("填表说明"),
            List.of("栏目", "填写要求"),
            List.of("序号", "按权力事项的顺序填写阿拉伯数字"),
            List.of("权力名称", "填写权力事项的规范名称，与法律法规表述一致"),
            List.of("权力类型", "在行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力中选择"),
            List.of("设定依据", "填写法律、法规、规章的名称及具体条款"),
            List.of("实施主体", "填写承办的内设机构或下属单位"),
            List.of("行使层级", "填写市级、县级或乡级"),
            List.of("备注", "需要说明的其他事项"));

    /** The drop-down lists: a column per field, its label on top. */
    static final List<List<String>> OPTIONS = List.of(
            List.of("权力类型", "行使层级"),
            List.of("行政许可", "市级"),
            List.of("行政处罚", "县级"),
            List.of("行政强制", "乡级"),
            List.of("行政征收"),
            List.of("行政给付"),
            List.of("行政检查"),
            List.of("行政确认"),
            List.of("行政奖励"),
            List.of("行政裁决"),
            List.of("其他行政权力"));

    /** Adds the instructions before the first sheet, or the options hidden after the last; says what was done. */
    static String add(Workbook wb, boolean instructions) {
        String name = instructions ? "填表说明" : "下拉选项";
        Sheet s = wb.createSheet(name);
        List<List<String>> rows = instructions ? INSTRUCTIONS : OPTIONS;
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
        }
        if (instructions) {
            wb.setSheetOrder(name, 0);
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            return "a first sheet " + name + " of " + rows.size() + " rows naming each column and what goes in it";
        }
        wb.setSheetHidden(wb.getSheetIndex(name), true);
        return "a hidden last sheet " + name + " with " + rows.size() + " rows of drop-down options";
    }
}
