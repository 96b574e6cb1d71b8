<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnualPdf</name>
    <message>
        <source>met</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>产出指标</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效益指标</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度指标</translation>
    </message>
    <message>
        <source>Reporting unit (seal): ____________________    Head: ____________</source>
        <translation>填报单位（盖章）：____________________    单位负责人：____________</translation>
    </message>
    <message>
        <source>Prepared by: ____________    Telephone: ____________    Date: ______ (year) ____ (month) ____ (day)</source>
        <translation>填报人：____________    联系电话：____________    填报日期：______年____月____日</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>完成值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Level-1 indicator</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <source>{year} Annual Report Pack of the Talent Work Office</source>
        <translation>{year}年度人才工作报表</translation>
    </message>
    <message>
        <source>1. Target responsibility assessment (目标责任制考核)</source>
        <translation>一、目标责任制考核指标完成情况</translation>
    </message>
    <message>
        <source>* entered by the office; the other actual figures are computed from the records. Score: the weight when met, in proportion otherwise.</source>
        <translation>* 为填报数；其余完成值由系统按台账与档案计算。得分：完成得全部权重分，未完成按完成比例计分。</translation>
    </message>
    <message>
        <source>2. Performance self-assessment of the fiscal funds (财政资金绩效自评)</source>
        <translation>二、财政资金绩效自评表</translation>
    </message>
    <message>
        <source>3. Statistics tables</source>
        <translation>三、统计表</translation>
    </message>
    <message>
        <source>4. Cross-table checks</source>
        <translation>四、表间校验</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>The report could not be written: {error}</source>
        <translation>报表无法写入：{error}</translation>
    </message>
    <message>
        <source>Target assessment</source>
        <translation>目标责任制考核</translation>
    </message>
    <message>
        <source>{year} target responsibility assessment</source>
        <translation>{year}年度目标责任制考核</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>绩效自评</translation>
    </message>
    <message>
        <source>{year} performance self-assessment</source>
        <translation>{year}年度财政资金绩效自评</translation>
    </message>
    <message>
        <source>Statistics {n}</source>
        <translation>统计表{n}</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>表间校验</translation>
    </message>
</context>
<context>
    <name>AnnualReport</name>
    <message>
        <source>Every indicator needs a code and a name.</source>
        <translation>每项指标都需要编号和名称。</translation>
    </message>
    <message>
        <source>Indicator {code}: the target and the weight are numbers.</source>
        <translation>指标 {code}：目标值和权重须为数字。</translation>
    </message>
    <message>
        <source>Indicator {code}: unknown category.</source>
        <translation>指标 {code}：未知的指标类别。</translation>
    </message>
    <message>
        <source>Unknown indicator {code}.</source>
        <translation>未知的指标 {code}。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Table 1. Talents introduced in {year}, by tier and education</source>
        <translation>表1 {year}年引进人才（按类别、学历）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Table 2. Subsidies budgeted and paid in {year} (yuan)</source>
        <translation>表2 {year}年补贴预算与发放（元）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>补贴类别</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Paid against budget</source>
        <translation>执行率</translation>
    </message>
    <message>
        <source>Table 3. Departures in {year} by reason</source>
        <translation>表3 {year}年人才离开情况（按原因）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <source>Within the service commitment</source>
        <translation>其中服务期内</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Table 4. Talents in the county on 31 December {year}, by kind of employer</source>
        <translation>表4 {year}年12月31日在县人才（按单位类别）</translation>
    </message>
    <message>
        <source>Kind of employer</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>{what}: {a} in {where}, {b} in the statistics tables</source>
        <translation>{what}：{where}为 {a}，统计表为 {b}</translation>
    </message>
    <message>
        <source>indicator {code} {name}</source>
        <translation>指标 {code} {name}</translation>
    </message>
    <message>
        <source>Talents introduced</source>
        <translation>引进人才数</translation>
    </message>
    <message>
        <source>Tiers A–C introduced</source>
        <translation>引进 A–C 类人才数</translation>
    </message>
    <message>
        <source>Subsidies paid (10,000 yuan)</source>
        <translation>补贴发放金额（万元）</translation>
    </message>
    <message>
        <source>Left within the commitment</source>
        <translation>服务期内离开人数</translation>
    </message>
    <message>
        <source>Retention rate</source>
        <translation>人才留存率</translation>
    </message>
    <message>
        <source>{codes} report the same measure: {values}</source>
        <translation>{codes} 为同一指标：{values}</translation>
    </message>
    <message>
        <source>The weights of the target table add up to {w} (must be 100)</source>
        <translation>目标责任制考核表权重合计 {w}（应为 100）</translation>
    </message>
    <message>
        <source>Indicator {code} {name} has no figure; enter it.</source>
        <translation>指标 {code} {name} 没有完成值，请填报。</translation>
    </message>
    <message>
        <source>The year must be between 2000 and 2100.</source>
        <translation>年度须在 2000 到 2100 之间。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .pdf.</source>
        <translation>请选择以 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx.</source>
        <translation>请选择以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>The tables disagree; correct them or export anyway.</source>
        <translation>表间数据不一致；请更正，或确认后仍然导出。</translation>
    </message>
</context>
<context>
    <name>AnnualReportPage</name>
    <message>
        <source>Enter a figure…</source>
        <translation>填报完成值…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>完成值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Level-1 indicator</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <source>Annual report pack</source>
        <translation>年度报表</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>产出指标</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效益指标</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度指标</translation>
    </message>
    <message>
        <source>Checking the tables…</source>
        <translation>正在校验报表…</translation>
    </message>
    <message>
        <source>Target responsibility assessment — score {score}</source>
        <translation>目标责任制考核——得分 {score}</translation>
    </message>
    <message>
        <source>Performance self-assessment of the fiscal funds</source>
        <translation>财政资金绩效自评</translation>
    </message>
    <message>
        <source>Cross-table checks: {bad} of {n} need attention before export.</source>
        <translation>表间校验：{n} 项中有 {bad} 项需在导出前处理。</translation>
    </message>
    <message>
        <source>Cross-table checks: all {n} pass.</source>
        <translation>表间校验：{n} 项全部通过。</translation>
    </message>
    <message>
        <source>Choose an indicator first.</source>
        <translation>请先选择一项指标。</translation>
    </message>
    <message>
        <source>{code} {name} ({unit}) for {year}:</source>
        <translation>{year}年 {code} {name}（{unit}）：</translation>
    </message>
    <message>
        <source>{n} cross-table checks fail. Export anyway?</source>
        <translation>有 {n} 项表间校验未通过。仍然导出吗？</translation>
    </message>
    <message>
        <source>annual-report-{year}</source>
        <translation>{year}年度报表</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report pack…</source>
        <translation>正在生成年度报表…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>DepartureCli</name>
    <message>
        <source>No talent with the number {value}.</source>
        <translation>没有编号或身份证号为 {value} 的人才。</translation>
    </message>
    <message>
        <source>Recorded the departure of talent {id}; clawback owed: {amount}; {n} mentor pairings ended.</source>
        <translation>已登记人才 {id} 离开；应追回 {amount}；结束导师结对 {n} 个。</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source>Added the reason {name} ({code}).</source>
        <translation>已添加离开原因 {name}（{code}）。</translation>
    </message>
    <message>
        <source>Renamed the reason {code} to {name}.</source>
        <translation>离开原因 {code} 已改名为 {name}。</translation>
    </message>
    <message>
        <source>The reason {name} is offered again.</source>
        <translation>离开原因 {name} 已重新启用。</translation>
    </message>
    <message>
        <source>The reason {name} is retired; departures recorded with it keep it.</source>
        <translation>离开原因 {name} 已停用；已用它登记的离开记录保持不变。</translation>
    </message>
    <message>
        <source>Name the reason by its code, name or number.</source>
        <translation>请用代码、名称或序号指明离开原因。</translation>
    </message>
    <message>
        <source>group  talents  left  median months  1 year  3 years  5 years</source>
        <translation>分组  人数  离开  中位月数  1年  3年  5年</translation>
    </message>
    <message>
        <source>Log-rank test: χ² = {chi2:.2f} on {df} degrees of freedom, p = {p:.4f}</source>
        <translation>Log-rank 检验：χ² = {chi2:.2f}，自由度 {df}，p = {p:.4f}</translation>
    </message>
    <message>
        <source>reason  left  within commitment  median months served  share</source>
        <translation>原因  离开  服务期内  在县中位月数  占比</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>diploma</source>
        <translation>学历学位证书</translation>
    </message>
    <message>
        <source>employment contract</source>
        <translation>劳动（聘用）合同</translation>
    </message>
    <message>
        <source>service agreement</source>
        <translation>服务协议</translation>
    </message>
    <message>
        <source>other document</source>
        <translation>其他材料</translation>
    </message>
    <message>
        <source>The arrival window cannot end before it starts.</source>
        <translation>到岗时间范围的结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>An age limit must be a whole number between 16 and 80.</source>
        <translation>年龄限制须为 16 到 80 之间的整数。</translation>
    </message>
    <message>
        <source>The highest age is below the lowest.</source>
        <translation>最高年龄低于最低年龄。</translation>
    </message>
    <message>
        <source>The service commitment must be between 1 and 50 years.</source>
        <translation>服务期须在 1 到 50 年之间。</translation>
    </message>
    <message>
        <source>Unknown introduction mode: {mode}.</source>
        <translation>未知的引进方式：{mode}。</translation>
    </message>
    <message>
        <source>Unknown kind of material: {kind}.</source>
        <translation>未知的材料类别：{kind}。</translation>
    </message>
    <message>
        <source>An employer kind is at most 40 characters.</source>
        <translation>单位类别最多 40 个字符。</translation>
    </message>
    <message>
        <source>tier {tier}</source>
        <translation>人才类别 {tier}</translation>
    </message>
    <message>
        <source>any tier</source>
        <translation>不限类别</translation>
    </message>
    <message>
        <source>education: {education}</source>
        <translation>学历：{education}</translation>
    </message>
    <message>
        <source>arrived {date} (window {first} – {last})</source>
        <translation>{date} 到岗（范围 {first} 至 {last}）</translation>
    </message>
    <message>
        <source>employer kind: {kind}</source>
        <translation>单位类别：{kind}</translation>
    </message>
    <message>
        <source>introduction: {mode}</source>
        <translation>引进方式：{mode}</translation>
    </message>
    <message>
        <source>age {age} at arrival</source>
        <translation>到岗时 {age} 岁</translation>
    </message>
    <message>
        <source>service commitment {years} years (≥ {need})</source>
        <translation>服务期 {years} 年（≥ {need}）</translation>
    </message>
    <message>
        <source>No policy is called {name}.</source>
        <translation>没有名为 {name} 的政策。</translation>
    </message>
    <message>
        <source>{name} names several policies: {names}. Give its number.</source>
        <translation>“{name}”对应多项政策：{names}。请给出政策编号。</translation>
    </message>
    <message>
        <source>Draft {id} does not exist.</source>
        <translation>草稿 {id} 不存在。</translation>
    </message>
    <message>
        <source>Draft {id} has already been decided.</source>
        <translation>草稿 {id} 已处理。</translation>
    </message>
    <message>
        <source>A draft is approved by someone other than the person who drafted it.</source>
        <translation>草稿须由起草人以外的人审批。</translation>
    </message>
    <message>
        <source>Materials are missing: {missing}. Attach them to the talent&apos;s file first; the policy requires them before approval.</source>
        <translation>缺少申报材料：{missing}。请先上传到人才档案附件；该政策要求材料齐全方可审批。</translation>
    </message>
    <message>
        <source>from the entitlement sweep</source>
        <translation>来自免申即享比对</translation>
    </message>
    <message>
        <source>Say why the draft is turned down.</source>
        <translation>请说明不予核定的理由。</translation>
    </message>
    <message>
        <source>missing: {materials}</source>
        <translation>缺：{materials}</translation>
    </message>
</context>
<context>
    <name>ExitReasons</name>
    <message>
        <source>Unknown reason for leaving: {value}. Choose one of: {offered}.</source>
        <translation>未知的离开原因：{value}。请从以下选择：{offered}。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>Enter the reason&apos;s name.</source>
        <translation>请填写原因名称。</translation>
    </message>
    <message>
        <source>There is already a reason named {name}.</source>
        <translation>已有名为 {name} 的离开原因。</translation>
    </message>
    <message>
        <source>The code must start with a letter and use only a–z, 0–9 and _ (at most 40).</source>
        <translation>代码须以字母开头，只用 a–z、0–9 和 _（最多 40 个字符）。</translation>
    </message>
    <message>
        <source>There is already a reason with the code {code}.</source>
        <translation>已有代码为 {code} 的离开原因。</translation>
    </message>
    <message>
        <source>Reason {id} does not exist.</source>
        <translation>离开原因 {id} 不存在。</translation>
    </message>
</context>
<context>
    <name>LeadersCli</name>
    <message>
        <source>{policy}: {n} qualify and hold no grant</source>
        <translation>{policy}：{n} 人符合条件但未享受</translation>
    </message>
    <message>
        <source>  missing: {m}</source>
        <translation>  缺：{m}</translation>
    </message>
    <message>
        <source>Drafted {n} grants for approval.</source>
        <translation>已起草 {n} 条补贴核定，待审批。</translation>
    </message>
    <message>
        <source>No drafts wait for approval.</source>
        <translation>没有待审批的草稿。</translation>
    </message>
    <message>
        <source>Draft {id}: {status}</source>
        <translation>草稿 {id}：{status}</translation>
    </message>
    <message>
        <source>Draft {id} refused: {error}</source>
        <translation>草稿 {id} 未通过：{error}</translation>
    </message>
    <message>
        <source>{policy}: {changes}</source>
        <translation>{policy}：{changes}</translation>
    </message>
    <message>
        <source>year  current  simulated  budget</source>
        <translation>年度  现行政策  模拟政策  预算</translation>
    </message>
    <message>
        <source>total  {current}  {simulated}</source>
        <translation>合计  {current}  {simulated}</translation>
    </message>
    <message>
        <source>Cross-table checks for {year}:</source>
        <translation>{year}年表间校验：</translation>
    </message>
    <message>
        <source>Target table score: {score}</source>
        <translation>目标责任制考核得分：{score}</translation>
    </message>
    <message>
        <source>Wrote {files}.</source>
        <translation>已写入 {files}。</translation>
    </message>
    <message>
        <source>Name the JSON file to import.</source>
        <translation>请给出要导入的 JSON 文件。</translation>
    </message>
    <message>
        <source>The file cannot be read as JSON: {error}</source>
        <translation>文件不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <source>The indicators were saved.</source>
        <translation>指标已保存。</translation>
    </message>
    <message>
        <source>Give --year, --code and --value.</source>
        <translation>请给出 --year、--code 和 --value。</translation>
    </message>
    <message>
        <source>The figure must be a number.</source>
        <translation>完成值须为数字。</translation>
    </message>
    <message>
        <source>Entered {code} = {value} for {year}.</source>
        <translation>已填报 {year} 年 {code} = {value}。</translation>
    </message>
    <message>
        <source>Wrote {path}.</source>
        <translation>已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Policies</name>
    <message>
        <source>Policy {id} does not exist.</source>
        <translation>政策 {id} 不存在。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Eligibility and materials — {policy}</source>
        <translation>享受条件与申报材料——{policy}</translation>
    </message>
    <message>
        <source>yyyy-mm-dd, empty for no limit</source>
        <translation>yyyy-mm-dd，不填为不限</translation>
    </message>
    <message>
        <source>e.g. 医院，学校 — empty for every employer</source>
        <translation>如 医院，学校——不填为不限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Missing materials block approval</source>
        <translation>材料不全不得审批</translation>
    </message>
    <message>
        <source>Arrived on or after</source>
        <translation>到岗日期不早于</translation>
    </message>
    <message>
        <source>Arrived on or before</source>
        <translation>到岗日期不晚于</translation>
    </message>
    <message>
        <source>Employer kinds</source>
        <translation>单位类别</translation>
    </message>
    <message>
        <source>Introduction mode (none ticked: any)</source>
        <translation>引进方式（都不勾为不限）</translation>
    </message>
    <message>
        <source>Lowest age at arrival</source>
        <translation>到岗时最低年龄</translation>
    </message>
    <message>
        <source>Highest age at arrival</source>
        <translation>到岗时最高年龄</translation>
    </message>
    <message>
        <source>Service commitment signed, at least (years)</source>
        <translation>签订服务期至少（年）</translation>
    </message>
    <message>
        <source>Materials (申报材料)</source>
        <translation>申报材料</translation>
    </message>
</context>
<context>
    <name>Simulation</name>
    <message>
        <source>{field} cannot be set to {value}.</source>
        <translation>{field} 不能设为 {value}。</translation>
    </message>
    <message>
        <source>Unknown field {field}; use one of: {fields}.</source>
        <translation>未知的项目 {field}；可用：{fields}。</translation>
    </message>
    <message>
        <source>Write each change as FIELD=VALUE, e.g. amount=50000.</source>
        <translation>每项调整写成 项目=值，例如 amount=50000。</translation>
    </message>
    <message>
        <source>Simulate between 1 and 15 years.</source>
        <translation>模拟年数须在 1 到 15 年之间。</translation>
    </message>
    <message>
        <source>Choose the kind of subsidy.</source>
        <translation>请选择补贴类别。</translation>
    </message>
    <message>
        <source>New policy</source>
        <translation>新政策</translation>
    </message>
    <message>
        <source>A new policy needs an amount (amount=…).</source>
        <translation>新政策需要给出金额（amount=…）。</translation>
    </message>
    <message>
        <source>No policy</source>
        <translation>无此政策</translation>
    </message>
    <message>
        <source>Current policy</source>
        <translation>现行政策</translation>
    </message>
    <message>
        <source>Simulated policy</source>
        <translation>模拟政策</translation>
    </message>
    <message>
        <source>Grants already made keep their terms; changes apply to new grants.</source>
        <translation>已核定的补贴按原核定执行；调整只作用于新核定。</translation>
    </message>
    <message>
        <source>Arrivals: {n} a year (the average of {first}–{last}).</source>
        <translation>引进人数：每年 {n} 人（{first}—{last} 年平均）。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Policy simulation: {policy}</source>
        <translation>政策模拟：{policy}</translation>
    </message>
    <message>
        <source>Changes: {changes}</source>
        <translation>调整：{changes}</translation>
    </message>
    <message>
        <source>As of {date}; amounts in yuan.</source>
        <translation>截至 {date}；金额单位：元。</translation>
    </message>
    <message>
        <source>Current: net outlay</source>
        <translation>现行：净支出</translation>
    </message>
    <message>
        <source>Simulated: net outlay</source>
        <translation>模拟：净支出</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Net outlay by year</source>
        <translation>各年净支出</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法说明</translation>
    </message>
    <message>
        <source>Payments to newly qualifying talents and arrivals are weighted by the county&apos;s retention curve; clawback is the expected amount owed back.</source>
        <translation>对新符合条件人员和新引进人员的支付按本县留存曲线加权；追回额为预计应退还金额。</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>文件无法写入：{error}</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .pdf.</source>
        <translation>请选择以 .xlsx 或 .pdf 结尾的文件名。</translation>
    </message>
</context>
<context>
    <name>SimulationReport</name>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Policy simulation: {policy}</source>
        <translation>政策模拟：{policy}</translation>
    </message>
    <message>
        <source>{office} · as of {date} · {years} years</source>
        <translation>{office} · 截至 {date} · {years} 年</translation>
    </message>
    <message>
        <source>Changes: {changes}</source>
        <translation>调整：{changes}</translation>
    </message>
    <message>
        <source>Net outlay by year (ten thousand yuan)</source>
        <translation>各年净支出（万元）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Committed grants</source>
        <translation>已核定应付</translation>
    </message>
    <message>
        <source>Newly qualifying</source>
        <translation>在县新符合条件</translation>
    </message>
    <message>
        <source>Expected arrivals</source>
        <translation>预计新引进</translation>
    </message>
    <message>
        <source>Expected clawback</source>
        <translation>预计追回</translation>
    </message>
    <message>
        <source>Net outlay</source>
        <translation>净支出</translation>
    </message>
    <message>
        <source>Left in budget</source>
        <translation>预算结余</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>无调整</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{n} talents here now would be granted; about {a} qualifying arrivals a year.</source>
        <translation>在县人员中将有 {n} 人获得核定；每年约 {a} 名新引进人员符合条件。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法说明</translation>
    </message>
    <message>
        <source>Payments to newly qualifying talents and arrivals are weighted by the county&apos;s retention curve (Kaplan–Meier); clawback is the expected amount owed back by those who leave within their service commitment.</source>
        <translation>对新符合条件人员和新引进人员的支付按本县留存曲线（Kaplan–Meier）加权；追回额为服务期内离开者预计应退还的金额。</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>The report could not be written: {error}</source>
        <translation>报告无法写入：{error}</translation>
    </message>
</context>
<context>
    <name>SimulatorPage</name>
    <message>
        <source>yuan, for everyone; empty: keep the amounts</source>
        <translation>元，统一标准；不填则保持原标准</translation>
    </message>
    <message>
        <source>(as now)</source>
        <translation>（保持现行）</translation>
    </message>
    <message>
        <source>e.g. A,B,C — empty: as now</source>
        <translation>如 A,B,C——不填保持现行</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Kind (new policy)</source>
        <translation>类别（新政策）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Scale the amounts</source>
        <translation>标准按比例调整</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期数</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>追回规则</translation>
    </message>
    <message>
        <source>Service commitment (years)</source>
        <translation>服务期（年）</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Highest age at arrival</source>
        <translation>到岗时最高年龄</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>模拟年数</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export to PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Committed grants</source>
        <translation>已核定应付</translation>
    </message>
    <message>
        <source>Now: new grants</source>
        <translation>现行：新核定</translation>
    </message>
    <message>
        <source>Now: clawback</source>
        <translation>现行：追回</translation>
    </message>
    <message>
        <source>Now: net</source>
        <translation>现行：净支出</translation>
    </message>
    <message>
        <source>Simulated: new grants</source>
        <translation>模拟：新核定</translation>
    </message>
    <message>
        <source>Simulated: clawback</source>
        <translation>模拟：追回</translation>
    </message>
    <message>
        <source>Simulated: net</source>
        <translation>模拟：净支出</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Policy simulator</source>
        <translation>政策模拟</translation>
    </message>
    <message>
        <source>A new policy</source>
        <translation>新政策</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <source>{policy} over {n} years: now {current}, simulated {simulated} ({diff}). {people} talents here now and about {arrivals} arrivals a year would qualify under the changes. {notes}</source>
        <translation>{policy} {n} 年合计：现行 {current}，模拟 {simulated}（{diff}）。按调整后条件，在县 {people} 人及每年约 {arrivals} 名新引进人员符合条件。{notes}</translation>
    </message>
    <message>
        <source>ten thousand yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Net outlay by year — {policy}</source>
        <translation>各年净支出——{policy}</translation>
    </message>
    <message>
        <source>policy-simulation</source>
        <translation>政策模拟</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the simulation</source>
        <translation>导出模拟结果</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Survival</name>
    <message>
        <source>Other employers</source>
        <translation>其他单位</translation>
    </message>
    <message>
        <source>With a mentor</source>
        <translation>有导师</translation>
    </message>
    <message>
        <source>Never had a mentor</source>
        <translation>从未配导师</translation>
    </message>
    <message>
        <source>Lived in a talent apartment</source>
        <translation>住过人才公寓</translation>
    </message>
    <message>
        <source>Never in an apartment</source>
        <translation>未住人才公寓</translation>
    </message>
    <message>
        <source>Spouse placed in a job</source>
        <translation>配偶已安置就业</translation>
    </message>
    <message>
        <source>No spouse placement</source>
        <translation>配偶未安置</translation>
    </message>
    <message>
        <source>Subsidies paid on time</source>
        <translation>补贴按时发放</translation>
    </message>
    <message>
        <source>Paid late or still owed</source>
        <translation>补贴迟发或欠发</translation>
    </message>
    <message>
        <source>No instalment due</source>
        <translation>无到期补贴</translation>
    </message>
    <message>
        <source>Group by one of: {choices}.</source>
        <translation>分组方式只能是：{choices}。</translation>
    </message>
    <message>
        <source>The period cannot end before it starts.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>(not coded)</source>
        <translation>（未编码）</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx.</source>
        <translation>请选择以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Median months</source>
        <translation>中位月数</translation>
    </message>
    <message>
        <source>After 1 year</source>
        <translation>1年后</translation>
    </message>
    <message>
        <source>After 3 years</source>
        <translation>3年后</translation>
    </message>
    <message>
        <source>After 5 years</source>
        <translation>5年后</translation>
    </message>
    <message>
        <source>At risk at {m} months</source>
        <translation>{m}个月时在册</translation>
    </message>
    <message>
        <source>Log-rank test</source>
        <translation>Log-rank 检验</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Survival</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Lower 95%</source>
        <translation>95%下限</translation>
    </message>
    <message>
        <source>Upper 95%</source>
        <translation>95%上限</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Leavers by reason</source>
        <translation>离开原因统计</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Within the service commitment</source>
        <translation>服务期内离开</translation>
    </message>
    <message>
        <source>Median months served</source>
        <translation>在县中位月数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>文件无法写入：{error}</translation>
    </message>
</context>
<context>
    <name>SurvivalPage</name>
    <message>
        <source>By arrival year</source>
        <translation>按引进年份</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按人才类别</translation>
    </message>
    <message>
        <source>By employer</source>
        <translation>按用人单位</translation>
    </message>
    <message>
        <source>Mentor or none</source>
        <translation>有无导师</translation>
    </message>
    <message>
        <source>Talent apartment or none</source>
        <translation>有无人才公寓</translation>
    </message>
    <message>
        <source>Spouse placement or none</source>
        <translation>配偶是否安置</translation>
    </message>
    <message>
        <source>Subsidies paid on time or late</source>
        <translation>补贴是否按时</translation>
    </message>
    <message>
        <source>95% bands</source>
        <translation>95%置信带</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>At risk, {m} mo.</source>
        <translation>{m}个月在册</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Median months</source>
        <translation>中位月数</translation>
    </message>
    <message>
        <source>After 1 year</source>
        <translation>1年后</translation>
    </message>
    <message>
        <source>After 3 years</source>
        <translation>3年后</translation>
    </message>
    <message>
        <source>After 5 years</source>
        <translation>5年后</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Within commitment</source>
        <translation>服务期内</translation>
    </message>
    <message>
        <source>Median months served</source>
        <translation>在县中位月数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Why people leave</source>
        <translation>人才流失分析</translation>
    </message>
    <message>
        <source>Computing the curves…</source>
        <translation>正在计算留存曲线…</translation>
    </message>
    <message>
        <source>Too few departures to compare the groups.</source>
        <translation>离开人数太少，无法比较各组。</translation>
    </message>
    <message>
        <source>the groups differ beyond chance</source>
        <translation>各组差异超出偶然</translation>
    </message>
    <message>
        <source>no difference beyond chance</source>
        <translation>各组差异不超出偶然</translation>
    </message>
    <message>
        <source>Share still in the county by months since arrival (Kaplan–Meier). Log-rank test: χ² = {chi2} on {df} degrees of freedom, p = {p} — {verdict}.</source>
        <translation>按到县月数计的留存比例（Kaplan–Meier 法）。Log-rank 检验：χ² = {chi2}，自由度 {df}，p = {p}——{verdict}。</translation>
    </message>
    <message>
        <source>Leavers by reason, {first} to {last}: {n}</source>
        <translation>{first} 至 {last} 离开人员按原因统计：共 {n} 人</translation>
    </message>
    <message>
        <source>Months since arrival</source>
        <translation>到县月数</translation>
    </message>
    <message>
        <source>Retention curves — {group}</source>
        <translation>留存曲线——{group}</translation>
    </message>
    <message>
        <source>Export retention curves</source>
        <translation>导出留存曲线</translation>
    </message>
    <message>
        <source>survival.xlsx</source>
        <translation>留存曲线.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>SweepPage</name>
    <message>
        <source>Every policy in force</source>
        <translation>全部有效政策</translation>
    </message>
    <message>
        <source>Eligibility and materials…</source>
        <translation>享受条件与材料…</translation>
    </message>
    <message>
        <source>Draft grants for the talents listed</source>
        <translation>为所列人员起草补贴核定</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Rules that matched</source>
        <translation>符合的条件</translation>
    </message>
    <message>
        <source>Materials missing</source>
        <translation>缺少材料</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source> (blocks approval)</source>
        <translation>（不得审批）</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Approve selected drafts</source>
        <translation>审批选中草稿</translation>
    </message>
    <message>
        <source>Reject selected…</source>
        <translation>退回选中…</translation>
    </message>
    <message>
        <source>Entitlement sweep</source>
        <translation>免申即享</translation>
    </message>
    <message>
        <source>Sweeping…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <source>{n} talents qualify for a policy in force today and hold no grant of it ({amount} in all); {m} still lack materials the policy asks for. Double-click a row to see the talent&apos;s statement.</source>
        <translation>{n} 人次符合现行政策条件但尚未享受（合计 {amount}）；其中 {m} 人次缺少政策要求的申报材料。双击一行查看该人才的补贴明细。</translation>
    </message>
    <message>
        <source>Drafts waiting for approval: {n}</source>
        <translation>待审批草稿：{n} 条</translation>
    </message>
    <message>
        <source>Eligibility and materials</source>
        <translation>享受条件与材料</translation>
    </message>
    <message>
        <source>Choose a policy first.</source>
        <translation>请先选择一项政策。</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>正在起草…</translation>
    </message>
    <message>
        <source>Drafted {n} grants for approval.</source>
        <translation>已起草 {n} 条补贴核定，待审批。</translation>
    </message>
    <message>
        <source>Reject drafts</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Why are they turned down?</source>
        <translation>不予核定的理由：</translation>
    </message>
    <message>
        <source>Draft {id} ({talent}): {status}</source>
        <translation>草稿 {id}（{talent}）：{status}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>approved, the grant is made</source>
        <translation>已审批，补贴已核定</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已退回</translation>
    </message>
</context>
</TS>
