package org.quanze.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The columns a 权责清单 table can have, each with the header labels the lists use for it. Labels
 * are data read off real lists; a new list that names a column differently needs one label here.
 */
public enum Field {
    SEQ("序号"),
    POWER_TYPE("权力类型", "权力类别", "权利类型", "事项类别", "事项类型", "职权类别", "类别"),
    NAME("权力名称", "事项名称", "权力项目名称", "项目名称", "职权名称", "项目"),
    SUB_ITEM("子项名称", "子项"),
    AUTHORITY("行使主体", "实施主体"),
    UNITS("责任主体", "承办机构", "责任处室", "承办科室", "责任科室"),
    LEVEL("实施层级及权限", "行使层级", "实施层级", "层级"),
    BASIS("设定依据", "实施依据", "权力依据", "事项法定依据", "法定依据", "法律依据"),
    DEPARTMENT_DUTY("部门职责"),
    RESPONSIBILITIES("责任事项", "责任事项内容"),
    RESPONSIBILITY_BASIS("问责依据", "责任事项依据", "追究依据", "追责依据"),
    ACCOUNTABLE_PARTIES("追责对象范围", "追责范围", "追责对象"),
    ACCOUNTABILITY("追责情形"),
    ACCOUNTABILITY_AND_EXEMPTION("追责情形及免责情形", "追责情形和免责情形"),
    EXEMPTION("免责情形", "负责情形"),
    SUPERVISION("监督方式", "监督电话", "服务电话", "咨询电话"),
    ACCEPTANCE_CONDITIONS("受理条件"),
    TIME_LIMIT("法定期限", "办理时限", "承诺时限"),
    PLACE("受理地点", "办理地点"),
    NOTES("备注"),
    /** 主体责任 of a department (表1 of the vertical layout). */
    MAIN_DUTIES("主体责任"),
    DUTY_BOUNDARY("职责边界"),
    /** Group headings over several columns, such as 权力清单 / 责任清单. */
    GROUP("权力清单", "责任清单"),
    UNKNOWN;

    private final List<String> labels;

    Field(String... labels) {
        this.labels = List.of(labels);
    }

    /** The field a header label names, or {@link #UNKNOWN}. Whitespace inside labels is ignored. */
    public static Field ofLabel(String label) {
        String l = label == null ? "" : label.replaceAll("[\\s\u3000]", "").toLowerCase(Locale.ROOT);
        if (l.isEmpty()) return UNKNOWN;
        for (Field f : values()) {
            if (f.labels.contains(l)) return f;
        }
        return UNKNOWN;
    }
}
