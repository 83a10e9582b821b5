#!/usr/bin/env python3
"""Generates the validation corpus: valid/<case>/ and invalid/<case>/, each a tiny govsite source folder built from one
shared valid baseline with one change. invalid/<case>/expected.txt lists every finding the case must give, one
`CODE file line` a line, sorted. Run: python3 src/test/resources/invalid/generate.py (the files are committed; rerun after
changing a case). Files are written as UTF-8, except the cases that test other encodings."""
import os
import shutil

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

AGENCY = """name: 示例县教育局
kind: department
"""

Y2024 = """year: 2024
format: "2021"
published: 2025-01-20
publisher: 示例县教育局
tables:
  active:
    item1:
      regulations:         {issued: 0, repealed: 0, in_force: 0}
      normative_documents: {issued: 2, repealed: 1, in_force: 6}
    item5:
      licensing: {decisions: 40}
    item6:
      punishment: {decisions: 3}
      coercion:   {decisions: 0}
    item8:
      fees: {amount: 0.5}
  applications:
    new:          [10,  2,  0,  0,  1,  0, 13]
    carried_over: [ 1,  0,  0,  0,  0,  0,  1]
    results:
      granted:        [ 5,  1,  0,  0,  0,  0,  6]
      partly_granted: [ 1,  0,  0,  0,  0,  0,  1]
      refused:
        state_secret:       [ 0,  0,  0,  0,  0,  0,  0]
        prohibited_by_law:  [ 0,  0,  0,  0,  0,  0,  0]
        security_stability: [ 0,  0,  0,  0,  0,  0,  0]
        third_party:        [ 1,  0,  0,  0,  0,  0,  1]
        internal_affairs:   [ 0,  0,  0,  0,  0,  0,  0]
        process_info:       [ 0,  0,  0,  0,  0,  0,  0]
        enforcement_files:  [ 0,  0,  0,  0,  0,  0,  0]
        inquiry_matters:    [ 0,  0,  0,  0,  0,  0,  0]
      unable:
        not_held:       [ 2,  0,  0,  0,  1,  0,  3]
        needs_creation: [ 0,  0,  0,  0,  0,  0,  0]
        still_unclear:  [ 0,  0,  0,  0,  0,  0,  0]
      not_processed:
        complaints:   [ 0,  0,  0,  0,  0,  0,  0]
        repeated:     [ 1,  0,  0,  0,  0,  0,  1]
        publications: [ 0,  0,  0,  0,  0,  0,  0]
        excessive:    [ 0,  0,  0,  0,  0,  0,  0]
        confirmation: [ 0,  0,  0,  0,  0,  0,  0]
      other:
        no_correction: [ 0,  0,  0,  0,  0,  0,  0]
        unpaid_fees:   [ 0,  0,  0,  0,  0,  0,  0]
        other:         [ 0,  0,  0,  0,  0,  0,  0]
      total: [10,  1,  0,  0,  1,  0, 12]
    carried_forward: [ 1,  1,  0,  0,  0,  0,  2]
  review_litigation:
    review: [ 1,  0,  0,  0,  1]
    litigation:
      direct:       [ 0,  0,  0,  1,  1]
      after_review: [ 0,  0,  0,  0,  0]
"""

MD2024 = """## 一、总体情况

2024年，本局认真贯彻《中华人民共和国政府信息公开条例》。共处理依申请公开、“局长信箱”、群众咨询、建议、投诉等来信 117 件，均依法依规进行受理并办结，办结率 100%。

## 二、主动公开政府信息情况

全年制发行政规范性文件2件，废止1件，公开行政许可决定40件、行政处罚决定3件。

## 三、收到和处理政府信息公开申请情况

本年新收政府信息公开申请13件，上年结转1件。全年办结政府信息公开申请12件，其中予以公开6件，部分公开1件，不予公开1件，无法提供3件，不予处理1件；结转下年度继续办理2件。

## 四、政府信息公开行政复议、行政诉讼情况

全年因政府信息公开被申请行政复议1件，结果维持；被提起行政诉讼1件，尚未审结。

## 五、存在的主要问题及改进情况

公开内容的解读还不够深入，下一步将加强政策解读。

## 六、其他需要报告的事项

本年行政事业性收费金额0.5万元。本年度未收取信息处理费。
"""

Y2023 = """year: 2023
format: "2021"
published: 2024-01-25
publisher: 示例县教育局
tables:
  active:
    item1:
      regulations:         {issued: 0, repealed: 0, in_force: 0}
      normative_documents: {issued: 1, repealed: 0, in_force: 5}
    item5:
      licensing: {decisions: 35}
    item6:
      punishment: {decisions: 1}
      coercion:   {decisions: 0}
    item8:
      fees: {amount: 0}
  applications:
    new:          [ 3,  0,  0,  0,  0,  0,  3]
    carried_over: [ 0,  0,  0,  0,  0,  0,  0]
    results:
      granted:        [ 2,  0,  0,  0,  0,  0,  2]
      partly_granted: [ 0,  0,  0,  0,  0,  0,  0]
      refused:
        state_secret:       [ 0,  0,  0,  0,  0,  0,  0]
        prohibited_by_law:  [ 0,  0,  0,  0,  0,  0,  0]
        security_stability: [ 0,  0,  0,  0,  0,  0,  0]
        third_party:        [ 0,  0,  0,  0,  0,  0,  0]
        internal_affairs:   [ 0,  0,  0,  0,  0,  0,  0]
        process_info:       [ 0,  0,  0,  0,  0,  0,  0]
        enforcement_files:  [ 0,  0,  0,  0,  0,  0,  0]
        inquiry_matters:    [ 0,  0,  0,  0,  0,  0,  0]
      unable:
        not_held:       [ 0,  0,  0,  0,  0,  0,  0]
        needs_creation: [ 0,  0,  0,  0,  0,  0,  0]
        still_unclear:  [ 0,  0,  0,  0,  0,  0,  0]
      not_processed:
        complaints:   [ 0,  0,  0,  0,  0,  0,  0]
        repeated:     [ 0,  0,  0,  0,  0,  0,  0]
        publications: [ 0,  0,  0,  0,  0,  0,  0]
        excessive:    [ 0,  0,  0,  0,  0,  0,  0]
        confirmation: [ 0,  0,  0,  0,  0,  0,  0]
      other:
        no_correction: [ 0,  0,  0,  0,  0,  0,  0]
        unpaid_fees:   [ 0,  0,  0,  0,  0,  0,  0]
        other:         [ 0,  0,  0,  0,  0,  0,  0]
      total: [ 2,  0,  0,  0,  0,  0,  2]
    carried_forward: [ 1,  0,  0,  0,  0,  0,  1]
  review_litigation:
    review: [ 0,  0,  0,  0,  0]
    litigation:
      direct:       [ 0,  0,  0,  0,  0]
      after_review: [ 0,  0,  0,  0,  0]
"""

MD_PLAIN = """## 一、总体情况

本局依法做好政府信息公开工作。

## 二、主动公开政府信息情况

按要求主动公开政府信息。

## 三、收到和处理政府信息公开申请情况

依法办理政府信息公开申请。

## 四、政府信息公开行政复议、行政诉讼情况

详见表格。

## 五、存在的主要问题及改进情况

解读还不够深入。

## 六、其他需要报告的事项

无。
"""

Y2020 = """year: 2020
format: "2019"
published: 2021-01-28
publisher: 示例县教育局
tables:
  active:
    item1:
      regulations:         {made: 0, published: 0, total: 0}
      normative_documents: {made: 2, published: 2, total: 9}
    item5:
      licensing:      {previous: 12, change: "+1", decisions: 30}
      other_services: {previous: 4, change: "0", decisions: 8}
    item6:
      punishment: {previous: 5, change: "-1", decisions: 2}
      coercion:   {previous: 2, change: "0", decisions: 0}
    item8:
      fees: {previous: 1, change: "0"}
    item9:
      procurement: {projects: 2, amount: "12.5万元"}
  applications:
    new:          [ 4,  0,  0,  0,  0,  0,  4]
    carried_over: [ 0,  0,  0,  0,  0,  0,  0]
    results:
      granted:        [ 3,  0,  0,  0,  0,  0,  3]
      partly_granted: [ 0,  0,  0,  0,  0,  0,  0]
      refused:
        state_secret:       [ 0,  0,  0,  0,  0,  0,  0]
        prohibited_by_law:  [ 0,  0,  0,  0,  0,  0,  0]
        security_stability: [ 0,  0,  0,  0,  0,  0,  0]
        third_party:        [ 0,  0,  0,  0,  0,  0,  0]
        internal_affairs:   [ 0,  0,  0,  0,  0,  0,  0]
        process_info:       [ 0,  0,  0,  0,  0,  0,  0]
        enforcement_files:  [ 0,  0,  0,  0,  0,  0,  0]
        inquiry_matters:    [ 0,  0,  0,  0,  0,  0,  0]
      unable:
        not_held:       [ 1,  0,  0,  0,  0,  0,  1]
        needs_creation: [ 0,  0,  0,  0,  0,  0,  0]
        still_unclear:  [ 0,  0,  0,  0,  0,  0,  0]
      not_processed:
        complaints:   [ 0,  0,  0,  0,  0,  0,  0]
        repeated:     [ 0,  0,  0,  0,  0,  0,  0]
        publications: [ 0,  0,  0,  0,  0,  0,  0]
        excessive:    [ 0,  0,  0,  0,  0,  0,  0]
        confirmation: [ 0,  0,  0,  0,  0,  0,  0]
      other: [ 0,  0,  0,  0,  0,  0,  0]
      total: [ 4,  0,  0,  0,  0,  0,  4]
    carried_forward: [ 0,  0,  0,  0,  0,  0,  0]
  review_litigation:
    review: [ 0,  0,  0,  0,  0]
    litigation:
      direct:       [ 0,  0,  0,  0,  0]
      after_review: [ 0,  0,  0,  0,  0]
"""

MD2020 = MD_PLAIN.replace("依法办理政府信息公开申请。", "全年收到政府信息公开申请4件，其中予以公开3件，无法提供1件。")

Y2018 = """year: 2018
format: none
published: 2019-03-20
publisher: 示例县教育局
"""

MD2018 = MD_PLAIN.replace("依法办理政府信息公开申请。", "全年共收到政府信息公开申请8件，均在法定期限内予以答复。")

A = "reports/a/"
BASE = {
    A + "agency.yaml": AGENCY,
    A + "2023/report.yaml": Y2023,
    A + "2023/report.md": MD_PLAIN,
    A + "2024/report.yaml": Y2024,
    A + "2024/report.md": MD2024,
}
WITH_2019 = {A + "2020/report.yaml": Y2020, A + "2020/report.md": MD2020}
WITH_2018 = {A + "2018/report.yaml": Y2018, A + "2018/report.md": MD2018}

R24 = A + "2024/report.yaml"
M24 = A + "2024/report.md"
R23 = A + "2023/report.yaml"
R20 = A + "2020/report.yaml"
R18 = A + "2018/report.yaml"
AG = A + "agency.yaml"


def sub(path, old, new, count=1):
    """A change: replace `old` by `new` in one file (it must occur)."""
    def change(files):
        assert old in files[path], (path, old)
        files[path] = files[path].replace(old, new, count)
    return change


def add(extra):
    def change(files):
        files.update(extra)
    return change


def delete(path):
    def change(files):
        del files[path]
    return change


def at(code, path, locator, nth=1):
    """An expected finding: at the nth line of `path` that contains `locator`; a number is taken as the line."""
    return (code, path, locator, nth)


# name: (changes, expected findings, encodings {path: codec})
CASES = {
    # R1–R4: equations within a table
    "r1-new-plus-carried-over-mismatch": (
        [sub(R24, "new:          [10,  2,", "new:          [ 9,  3,")],
        [at("R1", R24, "    new:"), at("R1", R24, "    new:")]),
    "r2-total-not-sum-of-applicants": (
        [sub(R24, "new:          [10,", "new:          [11,"),
         sub(R24, "carried_forward: [ 1,", "carried_forward: [ 2,")],
        [at("R2", R24, "    new:"), at("R2", R24, "carried_forward:")]),
    "r3-outcomes-not-sum-of-total": (
        [sub(R24, "granted:        [ 5,  1,", "granted:        [ 4,  2,")],
        [at("R3", R24, "      total:"), at("R3", R24, "      total:")]),
    "r4-review-total-not-sum": (
        [sub(R24, "review: [ 1,  0,  0,  0,  1]", "review: [ 2,  0,  0,  0,  1]")],
        [at("R4", R24, "review: [")]),
    "r4-litigation-direct-total-not-sum": (
        [sub(R24, "direct:       [ 0,  0,  0,  1,  1]", "direct:       [ 0,  0,  0,  0,  1]")],
        [at("R4", R24, "direct:")]),
    # R5, R6: across years
    "r5-carried-over-differs-from-last-year": (
        [sub(R23, "new:          [ 3,  0,  0,  0,  0,  0,  3]", "new:          [ 4,  0,  0,  0,  0,  0,  4]"),
         sub(R23, "carried_forward: [ 1,  0,  0,  0,  0,  0,  1]", "carried_forward: [ 2,  0,  0,  0,  0,  0,  2]")],
        [at("R5", R24, "carried_over:"), at("R5", R24, "carried_over:")]),
    "r6-in-force-does-not-add-up": (
        [sub(R24, "{issued: 2, repealed: 1, in_force: 6}", "{issued: 2, repealed: 1, in_force: 7}")],
        [at("R6", R24, "normative_documents:")]),
    # R7: values of the wrong kind
    "r7-chinese-numeral-count": (
        [sub(R24, "coercion:   {decisions: 0}", "coercion:   {decisions: 十三}")],
        [at("R7", R24, "coercion:")]),
    "r7-count-with-unit": (
        [sub(R24, "licensing: {decisions: 40}", "licensing: {decisions: 40件}")],
        [at("R7", R24, "licensing:")]),
    "r7-decimal-count": (
        [sub(R24, "punishment: {decisions: 3}", "punishment: {decisions: 1.5}")],
        [at("R7", R24, "punishment:")]),
    "r7-negative-count": (
        [sub(R24, "regulations:         {issued: 0, repealed: 0, in_force: 0}",
             "regulations:         {issued: 0, repealed: 0, in_force: -1}")],
        [at("R7", R24, "regulations:")]),
    "r7-count-in-matrix-as-text": (
        [sub(R24, "needs_creation: [ 0,", "needs_creation: [ 零,")],
        [at("R7", R24, "needs_creation:")]),
    "r7-negative-fee": (
        [sub(R24, "fees: {amount: 0.5}", "fees: {amount: -0.5}")],
        [at("R7", R24, "fees:")]),
    "r7-fee-as-text": (
        [sub(R24, "fees: {amount: 0.5}", "fees: {amount: 五千元}")],
        [at("R7", R24, "fees:")]),
    "r7-row-not-a-list": (
        [sub(R24, "repeated:     [ 1,  0,  0,  0,  0,  0,  1]", "repeated:     1")],
        [at("R7", R24, "repeated:")]),
    "r7-signed-change-as-text-2019": (
        [add(WITH_2019), sub(R20, 'change: "+1"', 'change: "增加1"')],
        [at("R7", R20, "licensing:")]),
    "r7-amount-without-unit-2019": (
        [add(WITH_2019), sub(R20, 'amount: "12.5万元"', 'amount: "12.5"')],
        [at("R7", R20, "procurement:")]),
    # R8: the narrative disagrees with the tables
    "r8-received-differs": (
        [sub(M24, "本年新收政府信息公开申请13件", "本年新收政府信息公开申请14件")],
        [at("R8", M24, "本年新收")]),
    "r8-carried-over-differs": (
        [sub(M24, "上年结转1件", "上年结转3件")],
        [at("R8", M24, "上年结转")]),
    "r8-handled-differs": (
        [sub(M24, "全年办结政府信息公开申请12件", "全年办结政府信息公开申请13件")],
        [at("R8", M24, "全年办结")]),
    "r8-carried-forward-differs": (
        [sub(M24, "结转下年度继续办理2件", "结转下年度继续办理0件")],
        [at("R8", M24, "结转下年度")]),
    "r8-granted-differs": (
        [sub(M24, "其中予以公开6件", "其中予以公开7件")],
        [at("R8", M24, "予以公开7件")]),
    "r8-review-differs": (
        [sub(M24, "被申请行政复议1件", "被申请行政复议2件")],
        [at("R8", M24, "行政复议2件")]),
    "r8-litigation-differs": (
        [sub(M24, "被提起行政诉讼1件", "被提起行政诉讼3件")],
        [at("R8", M24, "行政诉讼3件")]),
    "r8-all-upheld-while-pending": (
        [sub(M24, "被提起行政诉讼1件，尚未审结。", "被提起行政诉讼1件，均获维持。")],
        [at("R8", M24, "均获维持")]),
    "r8-all-upheld-while-corrected": (
        [sub(R24, "review: [ 1,  0,  0,  0,  1]", "review: [ 0,  1,  0,  0,  1]"),
         sub(M24, "被申请行政复议1件，结果维持；", "被申请行政复议1件，均维持；")],
        [at("R8", M24, "均维持")]),
    "r8-fees-differ": (
        [sub(M24, "收费金额0.5万元", "收费金额0.8万元")],
        [at("R8", M24, "收费金额")]),
    "r8-received-verb-accepted": (
        [sub(M24, "本年新收政府信息公开申请13件", "本年共受理政府信息公开申请12件")],
        [at("R8", M24, "共受理")]),
    "r8-granted-and-partly-combined-differs": (
        [sub(M24, "其中予以公开6件，部分公开1件", "其中予以公开及部分公开6件")],
        [at("R8", M24, "予以公开及部分公开")]),
    "r8-received-counts-letters-as-applications": (
        [sub(M24, "本年新收政府信息公开申请13件", "本年新收政府信息公开申请117件")],
        [at("R8", M24, "本年新收")]),
    # R9: the six sections
    "r9-missing-section": (
        [sub(M24, "## 五、存在的主要问题及改进情况\n\n公开内容的解读还不够深入，下一步将加强政策解读。\n\n", "")],
        [at("R9", M24, "## 六、")]),
    "r9-sections-out-of-order": (
        [sub(M24, "## 二、主动公开政府信息情况", "## 三、收到和处理政府信息公开申请情况X"),
         sub(M24, "## 三、收到和处理政府信息公开申请情况\n", "## 二、主动公开政府信息情况\n"),
         sub(M24, "情况X", "情况")],
        [at("R9", M24, "## 二、")]),
    "r9-heading-pasted-without-hashes": (
        [sub(M24, "## 一、总体情况", "一、总体情况")],
        [at("R9", M24, "一、总体情况")]),
    "r9-extra-heading": (
        [sub(M24, "## 六、其他需要报告的事项", "## 附件\n\n无。\n\n## 六、其他需要报告的事项")],
        [at("R9", M24, "## 附件")]),
    "r9-last-section-missing": (
        [sub(M24, "## 六、其他需要报告的事项\n\n本年行政事业性收费金额0.5万元。本年度未收取信息处理费。\n", "")],
        [at("R9", M24, "END")]),
    "r9-narrative-only-report-missing-section": (
        [add(WITH_2018), sub(A + "2018/report.md", "## 四、政府信息公开行政复议、行政诉讼情况\n\n详见表格。\n\n", "")],
        [at("R9", A + "2018/report.md", "## 五、")]),
    # R10: the deadline
    "r10-department-published-late": (
        [sub(R24, "published: 2025-01-20", "published: 2025-02-05")],
        [at("R10", R24, "published:")]),
    "r10-government-published-late": (
        [sub(AG, "kind: department", "kind: government"), sub(R24, "published: 2025-01-20", "published: 2025-04-02")],
        [at("R10", R24, "published:")]),
    "r10-pre-2019-report-late": (
        [add(WITH_2018), sub(R18, "published: 2019-03-20", "published: 2019-04-15")],
        [at("R10", R18, "published:")]),
    # Y1: YAML syntax
    "y1-unclosed-bracket": (
        [sub(R24, "partly_granted: [ 1,  0,  0,  0,  0,  0,  1]", "partly_granted: [ 1,  0,  0,  0,  0,  0,  1")],
        [at("Y1", R24, "partly_granted:")]),
    "y1-bad-indentation": (
        [sub(R24, "    item5:\n      licensing: {decisions: 40}", "    item5:\n      licensing: {decisions: 40}\n     x: 1")],
        [at("Y1", R24, "     x: 1")]),
    "y1-tab-indentation": (
        [sub(R24, "    item6:\n      punishment:", "    item6:\n\tpunishment:")],
        [at("Y1", R24, "\tpunishment:")]),
    "y1-full-width-colon": (
        [sub(R24, "year: 2024", "year：2024")],
        [at("Y1", R24, "year：")]),
    "y1-full-width-comma": (
        [sub(R24, "new:          [10,  2,", "new:          [10，  2,")],
        [at("Y1", R24, "    new:")]),
    "y1-empty-list-item": (
        [sub(R24, "new:          [10,  2,  0,", "new:          [10,  2, ,")],
        [at("Y1", R24, "    new:")]),
    "y1-unclosed-quote": (
        [sub(R24, "publisher: 示例县教育局", 'publisher: "示例县教育局')],
        [at("Y1", R24, "publisher:")]),
    # Y2: duplicate keys
    "y2-duplicate-row": (
        [sub(R24, "      unable:\n", "      granted:        [ 5,  1,  0,  0,  0,  0,  6]\n      unable:\n")],
        [at("Y2", R24, "      granted:", 2)]),
    "y2-duplicate-metadata-key": (
        [sub(R24, "publisher: 示例县教育局\n", "publisher: 示例县教育局\nyear: 2024\n")],
        [at("Y2", R24, "year:", 2)]),
    # Y3: unknown keys, with suggestions
    "y3-misspelt-row-key": (
        [sub(R24, "carried_over: [", "carried_ovr:  [")],
        [at("Y3", R24, "carried_ovr:"), at("Y4", R24, "    new:")]),
    "y3-misspelt-metadata-key": (
        [sub(R24, "published: 2025-01-20", "publised: 2025-01-20")],
        [at("Y3", R24, "publised:")]),
    "y3-misspelt-column-key": (
        [sub(R24, "{issued: 2, repealed: 1, in_force: 6}", "{issued: 2, repealed: 1, in_forse: 6}")],
        [at("Y3", R24, "normative_documents:"), at("Y4", R24, "normative_documents:")]),
    "y3-unknown-table": (
        [sub(R24, "  review_litigation:", "  review_litigations:")],
        [at("Y3", R24, "review_litigations:"), at("Y4", R24, "tables:")]),
    "y3-unknown-agency-key": (
        [sub(AG, "kind: department", "kind: department\nlevel: 3")],
        [at("Y3", AG, "level:")]),
    # Y4: missing or blank values
    "y4-blank-cell-in-list": (
        [sub(R24, "still_unclear:  [ 0,", 'still_unclear:  [ "",')],
        [at("Y4", R24, "still_unclear:")]),
    "y4-empty-value-in-mapping": (
        [sub(R24, "coercion:   {decisions: 0}", "coercion:\n        decisions:")],
        [at("Y4", R24, "decisions:", 3)]),
    "y4-null-cell": (
        [sub(R24, "complaints:   [ 0,", "complaints:   [ ~,")],
        [at("Y4", R24, "complaints:")]),
    "y4-short-row": (
        [sub(R24, "publications: [ 0,  0,  0,  0,  0,  0,  0]", "publications: [ 0,  0,  0,  0,  0,  0]")],
        [at("Y4", R24, "publications:")]),
    "y4-missing-row": (
        [sub(R24, "    carried_forward: [ 1,  1,  0,  0,  0,  0,  2]\n", "")],
        [at("Y4", R24, "    new:")]),
    "y4-missing-column-in-mapping": (
        [sub(R24, "{issued: 2, repealed: 1, in_force: 6}", "{issued: 2, repealed: 1}")],
        [at("Y4", R24, "normative_documents:")]),
    "y4-blank-group": (
        [sub(R24, """      other:
        no_correction: [ 0,  0,  0,  0,  0,  0,  0]
        unpaid_fees:   [ 0,  0,  0,  0,  0,  0,  0]
        other:         [ 0,  0,  0,  0,  0,  0,  0]
""", "      other:\n")],
        [at("Y4", R24, "      other:")]),
    "y4-missing-table": (
        [sub(R24, """  review_litigation:
    review: [ 1,  0,  0,  0,  1]
    litigation:
      direct:       [ 0,  0,  0,  1,  1]
      after_review: [ 0,  0,  0,  0,  0]
""", "")],
        [at("Y4", R24, "tables:")]),
    "y4-missing-block": (
        [sub(R24, "    item8:\n      fees: {amount: 0.5}\n", "")],
        [at("Y4", R24, "    item1:")]),
    "y4-no-tables": (
        [sub(R24, Y2024[Y2024.index("tables:"):], "")],
        [at("Y4", R24, 1)]),
    # Y5: not UTF-8
    "y5-gbk-encoded-markdown": (
        [], [at("Y5", M24, 1)], {M24: "gbk"}),
    "y5-gbk-encoded-yaml": (
        [], [at("Y5", R24, 4)], {R24: "gbk"}),
    "y5-gbk-encoded-agency": (
        [], [at("Y5", AG, 1)], {AG: "gbk"}),
    # M1: metadata; M2: the folder's year
    "m2-folder-year-mismatch": (
        [sub(R24, "year: 2024", "year: 2023")],
        [at("M2", R24, "year:")]),
    "m1-unknown-format": (
        [sub(R24, 'format: "2021"', 'format: "2022"')],
        [at("M1", R24, "format:")]),
    "m1-invalid-date": (
        [sub(R24, "published: 2025-01-20", "published: 2025-13-01")],
        [at("M1", R24, "published:")]),
    "m1-unknown-agency-kind": (
        [sub(AG, "kind: department", "kind: ministry")],
        [at("M1", AG, "kind:")]),
    "m1-group-without-site-yaml": (
        [sub(AG, "kind: department", "kind: department\ngroup: bureaus")],
        [at("M1", AG, "group:")]),
    "m1-missing-markdown": (
        [delete(M24)],
        [at("M1", M24, 0)]),
    "m1-tables-in-narrative-only-report": (
        [add(WITH_2018), sub(R18, "publisher: 示例县教育局\n", "publisher: 示例县教育局\ntables:\n  applications: {}\n")],
        [at("M1", R18, "tables:")]),
}

# The exact Chinese text of the findings of some cases (messages.txt, printed as the build prints them): the
# messages a webmaster acts on, in words without the parser's English.
MESSAGES = {
    "r8-received-verb-accepted": [
        "reports/a/2024/report.md:11:4: 警告 [R8] 正文“受理政府信息公开申请12件”与表格不一致：收到和处理政府信息公开申请情况中"
        "“一、本年新收政府信息公开申请数量 / 总计”为 13，正文为 12"],
    "r8-granted-and-partly-combined-differs": [
        "reports/a/2024/report.md:11:42: 警告 [R8] 正文“予以公开及部分公开6件”与表格不一致：收到和处理政府信息公开申请情况中"
        "“（一）予以公开、（二）部分公开（区分处理的，只计这一情形，不计其他情形） / 总计”为 7，正文为 6"],
    "y1-tab-indentation": [
        "reports/a/2024/report.yaml:13:1: 错误 [Y1] 这里用了制表符（Tab）缩进：YAML 只能用空格缩进，请把 Tab 换成空格，与同一层的其他行对齐"],
    "y1-full-width-colon": [
        "reports/a/2024/report.yaml:1:5: 错误 [Y1] “year”后面是全角冒号“：”：YAML 只认半角冒号，请写成“year: ”（半角冒号加一个空格）"],
    "y1-full-width-comma": [
        "reports/a/2024/report.yaml:18:22: 错误 [Y1] 列表中的数值用全角的“，”分隔：请改为半角逗号“,”"],
    "y1-empty-list-item": [
        "reports/a/2024/report.yaml:18:28: 错误 [Y1] 列表中有一项是空的（两个逗号之间没有内容）：空白请写 ~（已发布报告）或填写数值（草稿）"],
    "y1-unclosed-bracket": [
        "reports/a/2024/report.yaml:22:23: 错误 [Y1] 这一行的“[”没有配对的“]”：请在这个列表的末尾补上“]”"],
    "y1-unclosed-quote": [
        "reports/a/2024/report.yaml:4:12: 错误 [Y1] 这里开始的引号没有配对：请在这段文字的末尾补上同样的引号"],
    "r9-heading-pasted-without-hashes": [
        "reports/a/2024/report.md:1:1: 错误 [R9] “一、总体情况”不是标题：请把这一行写成“## 一、总体情况”（行首加两个 # 和一个空格），"
        "它才是报告的一个部分"],
    "m1-group-without-site-yaml": [
        "reports/a/agency.yaml:3:8: 错误 [M1] 未知的分组“bureaus”：缺少文件 site.yaml（分组在它的 groups 下定义）；"
        "请新建 site.yaml 并在 groups 中加上“bureaus”，或删去这一行"],
}

VALID = {
    "baseline": [],
    "format-2019": [add(WITH_2019)],
    "narrative-only-2018": [add(WITH_2018)],
    "government-by-31-march": [sub(AG, "kind: department", "kind: government"),
                               sub(R24, "published: 2025-01-20", "published: 2025-03-31")],
    "upheld-and-pending-in-separate-clauses": [
        sub(M24, "被申请行政复议1件，结果维持；", "被申请行政复议1件，均获维持；")],
    "no-publication-date": [sub(R24, "published: 2025-01-20\n", "")],
}


# --- issue 9 (pub): cell states, published records, value messages — begin
# Cases whose messages are pinned word for word: messages.txt lists them (Chinese), one a line, each the message of
# one of the case's findings.
CASES.update({
    "m1-unknown-status": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: final\n")],
        [at("M1", R24, "status:")]),
    "r7-full-width-digits": (
        [sub(R24, "licensing: {decisions: 40}", "licensing: {decisions: ４０}")],
        [at("R7", R24, "licensing:")]),
    "r7-amount-unit-in-header": (
        [sub(R24, "fees: {amount: 0.5}", "fees: {amount: 0.5万元}")],
        [at("R7", R24, "fees:")]),
    "r7-amount-other-unit-than-header": (
        [sub(R24, "fees: {amount: 0.5}", "fees: {amount: 5000元}")],
        [at("R7", R24, "fees:")]),
    "r2-published-blank-total": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: published\n"),
         sub(R24, "granted:        [ 5,  1,  0,  0,  0,  0,  6]", "granted:        [ 5,  1,  0,  0,  0,  0,  ~]")],
        [at("R2", R24, "granted:")]),
    "r2-published-blank-term-disagrees": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: published\n"),
         sub(R24, "granted:        [ 5,  1,  0,  0,  0,  0,  6]", "granted:        [ 5,  ~,  0,  0,  0,  0,  6]")],
        [at("R2", R24, "granted:"), at("R3", R24, "      total:")]),
    "r5-published-blank-carried-over": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: published\n"),
         sub(R24, "carried_over: [ 1,  0,  0,  0,  0,  0,  1]", "carried_over: [ 1,  0,  0,  0,  0,  0,  ~]")],
        [at("R2", R24, "carried_over:"), at("R5", R24, "carried_over:")]),
    # R6 over a published record's blanks: a lone blank 现行有效件数 is implied by last year's and this year's rows
    "r6-published-blank-in-force": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: published\n"),
         sub(R24, "{issued: 2, repealed: 1, in_force: 6}", "{issued: 2, repealed: 1, in_force: ~}")],
        [at("R6", R24, "normative_documents:")]),
    # ... and a blank among the terms counts as 0, said in the message, when the equation still fails
    "r6-published-blank-issued": (
        [sub(R24, "year: 2024\n", "year: 2024\nstatus: published\n"),
         sub(R24, "{issued: 2, repealed: 1, in_force: 6}", "{issued: ~, repealed: 1, in_force: 6}")],
        [at("R6", R24, "normative_documents:")]),
})
MESSAGE_TEXTS = {
    "m1-unknown-status": ["status 只能是 draft（草稿，默认）或 published（已发布报告的存档），而不是“final”"],
    "r7-full-width-digits": ["“行政许可 / 本年处理决定数量”是全角数字“４０”：请改为半角数字 40"],
    "r7-count-with-unit": ["“行政许可 / 本年处理决定数量”只写数字：请去掉“件”，写成 40，而不是“40件”"],
    "r7-amount-unit-in-header": [
        "“行政事业性收费 / 本年收费金额（单位：万元）”的单位由表头规定为万元：请只写数字 0.5，而不是“0.5万元”"],
    "r7-amount-other-unit-than-header": [
        "“行政事业性收费 / 本年收费金额（单位：万元）”的单位由表头规定为万元：请换算为万元，只写数字，而不是“5000元”"],
    "y4-null-cell": ["“1.信访举报投诉类申请 / 自然人”为空；草稿中的空白不会按 0 处理，请填写数值（没有则填 0）；"
                     "按原样存档已发布的报告请在 report.yaml 中写 status: published"],
    "r5-published-blank-carried-over": [
        "本报告发布时“二、上年结转政府信息公开申请数量”一行“总计”栏为空；按各类申请人之和应为 1",
        "本报告发布时“二、上年结转政府信息公开申请数量”一行“总计”栏为空；"
        "按 2023年“四、结转下年度继续办理”(1)（reports/a/2023/report.yaml:R5LINE） 应为 1"],
    "r6-published-blank-in-force": [
        "本报告发布时“行政规范性文件”一行“现行有效件数”栏为空；按 2023年“现行有效件数”(5) + “本年制发件数”(2)"
        " − “本年废止件数”(1)（reports/a/2023/report.yaml:R6LINE） 应为 6"],
    "r6-published-blank-issued": [
        "“行政规范性文件”一行：2024年“现行有效件数”(6) 应等于 2023年“现行有效件数”(5) + “本年制发件数”(空白)"
        " − “本年废止件数”(1)（reports/a/2023/report.yaml:R6LINE）"],
    "r2-published-blank-total": ["本报告发布时“（一）予以公开”一行“总计”栏为空；按各类申请人之和应为 6"],
    "r5-carried-over-differs-from-last-year": [
        "“自然人”栏：2024年“二、上年结转政府信息公开申请数量”(1) 应等于 2023年“四、结转下年度继续办理”(2)"
        "（reports/a/2023/report.yaml:R5LINE）",
        "“总计”栏：2024年“二、上年结转政府信息公开申请数量”(1) 应等于 2023年“四、结转下年度继续办理”(2)"
        "（reports/a/2023/report.yaml:R5LINE）"],
}
VALID.update({
    "amount-zero-without-unit-2019": [add(WITH_2019), sub(R20, 'amount: "12.5万元"', "amount: 0")],
})
# --- issue 9 (pub) — end


def build(changes):
    files = dict(BASE)
    for c in changes:
        c(files)
    return files


def write(folder, files, encodings):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    for path, text in sorted(files.items()):
        full = os.path.join(folder, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(text.encode(encodings.get(path, "utf-8")))


def line_of(text, locator, nth):
    if isinstance(locator, int):
        return locator
    if locator == "END":
        return max(1, len(text.splitlines()))
    seen = 0
    for i, line in enumerate(text.split("\n")):
        if locator in line:
            seen += 1
            if seen == nth:
                return i + 1
    raise AssertionError("no line with %r" % locator)


def main():
    for kind in ("invalid", "valid"):
        root = os.path.join(HERE, kind)
        for old in os.listdir(root) if os.path.isdir(root) else []:
            if os.path.isdir(os.path.join(root, old)):
                shutil.rmtree(os.path.join(root, old))
    for name, case in sorted(CASES.items()):
        changes, expected = case[0], case[1]
        encodings = case[2] if len(case) > 2 else {}
        files = build(changes)
        folder = os.path.join(HERE, "invalid", name)
        write(folder, files, encodings)
        lines = []
        for code, path, locator, nth in expected:
            n = line_of(files[path], locator, nth) if path in files else locator
            lines.append("%s %s %d" % (code, path, n))
        with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(sorted(lines)) + "\n")
        if name in MESSAGES:
            with open(os.path.join(folder, "messages.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(sorted(MESSAGES[name])) + "\n")
        if name in MESSAGE_TEXTS:
            r23 = files.get(R23, "")
            r5line = line_of(r23, "carried_forward:", 1) if r23 else 0
            r6line = line_of(r23, "normative_documents:", 1) if r23 else 0
            with open(os.path.join(folder, "message-texts.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(m.replace("R5LINE", str(r5line)).replace("R6LINE", str(r6line)) for m in MESSAGE_TEXTS[name]) + "\n")
    for name, changes in sorted(VALID.items()):
        write(os.path.join(HERE, "valid", name), build(changes), {})


if __name__ == "__main__":
    main()
