package org.quanze.ingest;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a cell's text says about the column it belongs to. Lists shift, repeat and drop cells, so
 * position alone misplaces text; these signatures are the evidence the {@link ColumnAligner} uses.
 * Each is a shape every list shares (a phone number, numbered "…责任：" steps, a level list), never
 * the wording of one item.
 */
final class ContentSignature {

    private static final Pattern SEQ = Pattern.compile(HeaderTableReader.NUMBER);
    private static final Pattern POWER_TYPE = Pattern.compile(
            "(行政(许可|处罚|强制|征收|征用|给付|检查|确认|奖励|裁决|执行|监督|备案)|其他行政权力|其他权力|其他类|其他|公共服务)(类)?");
    private static final Pattern LEVEL = Pattern.compile(
            "((国家|省|自治区|市|盟|地|州|县|区|县市|县区|镇|乡|街道)(级)?[、，,及和]?)+(级)(机构|部门|权限)?.{0,10}");
    private static final Pattern PHONE = Pattern.compile("(监督|服务|咨询)?电话|\\d{3,4}[-－—]?\\s?\\d{3,4}\\s?\\d{3,4}");
    private static final Pattern STEPS = Pattern.compile("(^|\\n|\\s)(\\d{1,2}\\s*[.、．]\\s*)?[^\\s。；;，,]{1,12}责任\\s*[:：]");
    private static final Pattern STATUTE = Pattern.compile("^\\s*(\\d{1,2}\\s*[.、．]\\s*)?【[^】]{1,10}】|《[^》]{2,40}(法|条例|办法|规定|细则|规则|决定|通知|意见)》.{0,60}第[一二三四五六七八九十百零两〇\\d]+条");
    private static final Pattern ACCOUNTABILITY = Pattern.compile("^\\s*(追责情形|(因|对)不履行或不正确履行)");
    private static final Pattern PARTIES = Pattern.compile("具体承办人|法定代表人|分管领导|科室负责人");
    private static final Pattern DEPARTMENT_DUTY = Pattern.compile("^\\s*负责");
    private static final Pattern OFFICE = Pattern.compile(
            "([^《》\\n]{1,20}(科|处|室|中心|局|机构|股|办|站|所|队|部门|委员会)[、，,]?)+");

    private ContentSignature() {}

    /** The fields this text is evidence for; empty when the text says nothing about its column. */
    static Set<Field> of(String plain) {
        String t = plain.strip();
        Set<Field> s = EnumSet.noneOf(Field.class);
        if (t.isEmpty() || isNone(t)) return s;
        if (SEQ.matcher(t).matches()) {
            s.add(Field.SEQ);
        } else if (POWER_TYPE.matcher(t).matches()) {
            s.add(Field.POWER_TYPE);
        } else if (t.length() <= 40 && LEVEL.matcher(t).matches()) {
            s.add(Field.LEVEL);
        } else if (ACCOUNTABILITY.matcher(t).find()) {
            s.add(Field.ACCOUNTABILITY);
            s.add(Field.ACCOUNTABILITY_AND_EXEMPTION);
        } else if (t.length() <= 60 && PHONE.matcher(t).find() && !t.contains("《")) {
            s.add(Field.SUPERVISION);
        } else if (PARTIES.matcher(t).find() && !t.contains("《")) {
            s.add(Field.ACCOUNTABLE_PARTIES);
        } else if (STATUTE.matcher(t).find() && !STEPS.matcher(t).find()) {
            s.add(Field.BASIS);
            s.add(Field.RESPONSIBILITY_BASIS);
        } else if (STEPS.matcher(t).find()) {
            s.add(Field.RESPONSIBILITIES);
        } else if (DEPARTMENT_DUTY.matcher(t).find()) {
            s.add(Field.DEPARTMENT_DUTY);
        } else if (t.length() <= 40 && OFFICE.matcher(t).matches()) {
            s.add(Field.UNITS);
            s.add(Field.AUTHORITY);
        }
        return s;
    }

    /** "无" and its kin fill a cell without saying anything. */
    static boolean isNone(String t) {
        return HeaderNames.isFiller(t);
    }
}
