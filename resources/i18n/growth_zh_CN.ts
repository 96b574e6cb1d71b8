<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompletionDialog</name>
    <message>
        <source>Record completion</source>
        <translation>登记结业</translation>
    </message>
    <message>
        <source>{n} enrolment(s) in {name}</source>
        <translation>{name}：{n} 人次报名</translation>
    </message>
    <message>
        <source>Hours other than the programme&apos;s {hours}</source>
        <translation>学时与项目规定的 {hours} 学时不同</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>结业日期</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>Qualifies for a subsidy not yet granted</source>
        <translation>符合条件但未享受补贴</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol talents in {name}</source>
        <translation>报名参加：{name}</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部人才类别</translation>
    </message>
    <message>
        <source>All employers</source>
        <translation>全部用人单位</translation>
    </message>
    <message>
        <source>Only talents not yet trained in {year}</source>
        <translation>仅限 {year} 年尚未参加培训的人才</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Would enrol</source>
        <translation>将报名</translation>
    </message>
    <message>
        <source>{n} active talents</source>
        <translation>{n} 名在岗人才</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Change event</source>
        <translation>修改成长事件</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>新增成长事件</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Appraisal grade</source>
        <translation>考核等次</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细情况</translation>
    </message>
</context>
<context>
    <name>Growth</name>
    <message>
        <source>Money</source>
        <translation>待遇保障</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关心关爱</translation>
    </message>
    <message>
        <source>Career</source>
        <translation>事业发展</translation>
    </message>
    <message>
        <source>Arrival and departure</source>
        <translation>到岗与离开</translation>
    </message>
    <message>
        <source>Talent {id} does not exist.</source>
        <translation>编号为 {id} 的人才不存在。</translation>
    </message>
    <message>
        <source>Paired with {mentor} ({role})</source>
        <translation>与{mentor}结对（{role}）</translation>
    </message>
    <message>
        <source>Instalment {seq}</source>
        <translation>第 {seq} 期</translation>
    </message>
    <message>
        <source>Choose the kind of event.</source>
        <translation>请选择事件类型。</translation>
    </message>
    <message>
        <source>Arrival and departure are recorded on the talent&apos;s record, not as separate events.</source>
        <translation>到岗和离开在人才档案中登记，不作为单独的成长事件录入。</translation>
    </message>
    <message>
        <source>Enter the date of the event.</source>
        <translation>请填写事件日期。</translation>
    </message>
    <message>
        <source>An event cannot be dated in the future.</source>
        <translation>事件日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The event is dated before the talent arrived ({arrival}).</source>
        <translation>事件日期早于该人才到岗日期（{arrival}）。</translation>
    </message>
    <message>
        <source>The event is dated after the talent left ({departure}).</source>
        <translation>事件日期晚于该人才离开日期（{departure}）。</translation>
    </message>
    <message>
        <source>An annual appraisal needs its grade.</source>
        <translation>年度考核须选择考核等次。</translation>
    </message>
    <message>
        <source>Only an annual appraisal has a grade.</source>
        <translation>只有年度考核才有考核等次。</translation>
    </message>
    <message>
        <source>Say in the title what happened.</source>
        <translation>请在标题中写明事件内容。</translation>
    </message>
    <message>
        <source>The title is longer than 120 characters.</source>
        <translation>标题超过 120 个字。</translation>
    </message>
    <message>
        <source>This event no longer exists.</source>
        <translation>该成长事件已不存在。</translation>
    </message>
    <message>
        <source>Arrival and departure are changed on the talent&apos;s record.</source>
        <translation>到岗和离开请在人才档案中修改。</translation>
    </message>
    <message>
        <source>An event cannot be moved to another talent.</source>
        <translation>成长事件不能转到其他人才名下。</translation>
    </message>
    <message>
        <source>Enter the programme&apos;s name.</source>
        <translation>请填写培训项目名称。</translation>
    </message>
    <message>
        <source>The name is longer than 120 characters.</source>
        <translation>名称超过 120 个字。</translation>
    </message>
    <message>
        <source>The plan year must be between 2000 and 2100.</source>
        <translation>计划年度须在 2000 至 2100 之间。</translation>
    </message>
    <message>
        <source>Hours must be between 0 and 2000.</source>
        <translation>学时须在 0 至 2000 之间。</translation>
    </message>
    <message>
        <source>The programme ends before it starts.</source>
        <translation>培训结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The programme starts outside its plan year.</source>
        <translation>培训开始日期不在计划年度内。</translation>
    </message>
    <message>
        <source>This programme no longer exists.</source>
        <translation>该培训项目已不存在。</translation>
    </message>
    <message>
        <source>Choose at least one talent to enrol.</source>
        <translation>请至少选择一名人才报名。</translation>
    </message>
    <message>
        <source>Only active talents can be enrolled: {names} have left.</source>
        <translation>只有在岗人才可以报名：{names} 已离开。</translation>
    </message>
    <message>
        <source>Already enrolled in this programme: {names}.</source>
        <translation>以下人员已报名本项目：{names}。</translation>
    </message>
    <message>
        <source>Choose the enrolments to complete.</source>
        <translation>请选择要登记结业的报名记录。</translation>
    </message>
    <message>
        <source>Completion cannot be dated in the future.</source>
        <translation>结业日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Some of these enrolments no longer exist.</source>
        <translation>部分报名记录已不存在。</translation>
    </message>
    <message>
        <source>Completion is dated before the programme starts ({start}).</source>
        <translation>结业日期早于培训开始日期（{start}）。</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} 学时</translation>
    </message>
    <message>
        <source>A completed training cannot be marked as dropped.</source>
        <translation>已结业的培训不能标记为退出。</translation>
    </message>
    <message>
        <source>All active talents</source>
        <translation>全部在岗人才</translation>
    </message>
    <message>
        <source>(no employer)</source>
        <translation>（无用人单位）</translation>
    </message>
</context>
<context>
    <name>GrowthCli</name>
    <message>
        <source>No active talent shows a risk signal.</source>
        <translation>在岗人才均未出现风险因素。</translation>
    </message>
    <message>
        <source>year  arrived  here  1 year  3 years  5 years  left within commitment</source>
        <translation>年度  引进人数  现仍在县  1年留存率  3年留存率  5年留存率  服务期内离开</translation>
    </message>
    <message>
        <source>Wrote the {year} report to {path}.</source>
        <translation>{year}年度报告已写入 {path}。</translation>
    </message>
</context>
<context>
    <name>GrowthTab</name>
    <message>
        <source>Timeline</source>
        <translation>个人成长轨迹</translation>
    </message>
    <message>
        <source>Annual training plan</source>
        <translation>年度培训计划</translation>
    </message>
    <message>
        <source>Promotion readiness</source>
        <translation>提拔使用推荐</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留才分析</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>流失风险预警</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Instalment due or overdue</source>
        <translation>补贴到期待发</translation>
    </message>
    <message>
        <source>Check-in overdue</source>
        <translation>帮带逾期未联系</translation>
    </message>
    <message>
        <source>Open care case</source>
        <translation>关爱服务未办结</translation>
    </message>
    <message>
        <source>Service commitment ending</source>
        <translation>服务期即将届满</translation>
    </message>
    <message>
        <source>Departed this year</source>
        <translation>本年度离开</translation>
    </message>
    <message>
        <source>overdue by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <source>waiting for in-post confirmation</source>
        <translation>待核验</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Needs attention</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Open talent</source>
        <translation>打开人才档案</translation>
    </message>
</context>
<context>
    <name>PickTalentsDialog</name>
    <message>
        <source>Enrol talents in {name}</source>
        <translation>报名参加：{name}</translation>
    </message>
    <message>
        <source>Name, pinyin initials or ID number…</source>
        <translation>姓名、拼音首字母或身份证号…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Change programme</source>
        <translation>修改培训项目</translation>
    </message>
    <message>
        <source>New training programme</source>
        <translation>新增培训项目</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>Junior</source>
        <translation>初级</translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation>中级</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Political theory</source>
        <translation>政治理论</translation>
    </message>
    <message>
        <source>Professional skills</source>
        <translation>专业技能</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>经营管理</translation>
    </message>
    <message>
        <source>Rural revitalisation</source>
        <translation>乡村振兴</translation>
    </message>
    <message>
        <source>Digital skills</source>
        <translation>数字技能</translation>
    </message>
    <message>
        <source>Plan year</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>ReadinessPage</name>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>In post since</source>
        <translation>任现岗位时间</translation>
    </message>
    <message>
        <source>Years in post</source>
        <translation>任现岗位年限</translation>
    </message>
    <message>
        <source>Training hours</source>
        <translation>培训学时</translation>
    </message>
    <message>
        <source>Latest appraisals</source>
        <translation>近年考核</translation>
    </message>
    <message>
        <source>{n} active talents meet every threshold: at least {years} years in the present post, {hours} hours of completed training, and the latest {k} appraisals all Excellent or Competent. The thresholds are changed in File → Settings. Double-click a row to see the timeline.</source>
        <translation>{n} 名在岗人才符合全部条件：现岗位至少 {years} 年，已完成培训 {hours} 学时，最近 {k} 次考核均为优秀或合格。这些条件可在“文件 → 设置”中修改。双击一行查看成长轨迹。</translation>
    </message>
    <message>
        <source>A professional title is required.</source>
        <translation>须具有专业技术职称。</translation>
    </message>
</context>
<context>
    <name>Retention</name>
    <message>
        <source>(no employer)</source>
        <translation>（无用人单位）</translation>
    </message>
    <message>
        <source>All talents</source>
        <translation>全部人才</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>引进人数</translation>
    </message>
    <message>
        <source>Still here</source>
        <translation>现仍在县</translation>
    </message>
    <message>
        <source>After 1 year</source>
        <translation>1年留存率</translation>
    </message>
    <message>
        <source>After 3 years</source>
        <translation>3年留存率</translation>
    </message>
    <message>
        <source>After 5 years</source>
        <translation>5年留存率</translation>
    </message>
    <message>
        <source>Left within commitment</source>
        <translation>服务期内离开</translation>
    </message>
    <message>
        <source>By arrival year</source>
        <translation>按引进年度</translation>
    </message>
    <message>
        <source>Arrival year</source>
        <translation>引进年度</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按人才类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>By employer</source>
        <translation>按用人单位</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>离开情况</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <source>Within the service commitment</source>
        <translation>其中服务期内离开</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Figures as of {date}.</source>
        <translation>数据截至 {date}。</translation>
    </message>
    <message>
        <source>A talent is still here after N years if active, or if they left N years or more after arriving.</source>
        <translation>人才仍在岗，或到岗满 N 年后才离开的，计为“N 年后仍在”。</translation>
    </message>
    <message>
        <source>A cohort counts for N years only when 31 December of its arrival year plus N years has passed; younger cohorts show no share.</source>
        <translation>某引进年度的人才，须待该年 12 月 31 日再过 N 年后才计算 N 年留存率；未满期限的年度不显示比例。</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>文件无法写入：{error}</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx.</source>
        <translation>请选择以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .pdf.</source>
        <translation>请选择以 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Retention figures</source>
        <translation>留才数据</translation>
    </message>
    <message>
        <source>Training coverage</source>
        <translation>培训覆盖情况</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>流失风险预警</translation>
    </message>
    <message>
        <source>Writing the PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>By arrival year</source>
        <translation>按引进年度</translation>
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
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>引进人数</translation>
    </message>
    <message>
        <source>Still here</source>
        <translation>现仍在县</translation>
    </message>
    <message>
        <source>After 1 year</source>
        <translation>1年留存率</translation>
    </message>
    <message>
        <source>After 3 years</source>
        <translation>3年留存率</translation>
    </message>
    <message>
        <source>After 5 years</source>
        <translation>5年留存率</translation>
    </message>
    <message>
        <source>Left within commitment</source>
        <translation>服务期内离开</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Yearly report (PDF)…</source>
        <translation>年度报告（PDF）…</translation>
    </message>
    <message>
        <source>Report year</source>
        <translation>报告年度</translation>
    </message>
    <message>
        <source>{here} of {arrived} talents introduced are still here. After 1 year {s1} stayed, after 3 years {s3}, after 5 years {s5} (only cohorts old enough count). {within} of {gone} departures came before the service commitment ended.</source>
        <translation>累计引进人才 {arrived} 名，现仍在县 {here} 名。1 年留存率 {s1}，3 年留存率 {s3}，5 年留存率 {s5}（仅统计已满期限的引进年度）。离开的 {gone} 人中，{within} 人在服务期内离开。</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <source>Arrivals and departures per year</source>
        <translation>历年引进与离开人数</translation>
    </message>
    <message>
        <source>Share still here after 1, 3 and 5 years ({group})</source>
        <translation>1年、3年、5年留存率（{group}）</translation>
    </message>
    <message>
        <source>Export retention figures</source>
        <translation>导出留才数据</translation>
    </message>
    <message>
        <source>retention.xlsx</source>
        <translation>留才分析.xlsx</translation>
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
        <source>Retention</source>
        <translation>人才留存</translation>
    </message>
    <message>
        <source>The retention figures are saved.</source>
        <translation>留存统计已保存。</translation>
    </message>
    <message>
        <source>The yearly report is saved.</source>
        <translation>年度报告已保存。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>年度报告</translation>
    </message>
    <message>
        <source>talent-work-report-{year}.pdf</source>
        <translation>{year}年度人才工作报告.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message>
        <source>Money</source>
        <translation>待遇保障</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关心关爱</translation>
    </message>
    <message>
        <source>Career</source>
        <translation>事业发展</translation>
    </message>
    <message>
        <source>Service commitment</source>
        <translation>服务期</translation>
    </message>
    <message>
        <source>{n} instalment(s) overdue since {date}</source>
        <translation>{n} 期补贴逾期未发（自 {date}）</translation>
    </message>
    <message>
        <source>Subsidies ended, commitment still running</source>
        <translation>补贴已发完，服务期未满</translation>
    </message>
    <message>
        <source>No mentor</source>
        <translation>无结对导师</translation>
    </message>
    <message>
        <source>No check-in since {date}</source>
        <translation>自 {date} 起未开展帮带</translation>
    </message>
    <message>
        <source>No check-in yet</source>
        <translation>尚未开展帮带</translation>
    </message>
    <message>
        <source>Open case: {kinds}</source>
        <translation>待办关爱事项：{kinds}</translation>
    </message>
    <message>
        <source>No training in {year}</source>
        <translation>{year} 年未参加培训</translation>
    </message>
    <message>
        <source>Nothing on the timeline since {date}</source>
        <translation>自 {date} 起无成长记录</translation>
    </message>
    <message>
        <source>Latest appraisal: {grade}</source>
        <translation>最近一次考核：{grade}</translation>
    </message>
    <message>
        <source>Service commitment ends {date}</source>
        <translation>服务期于 {date} 届满</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>正在计分</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>正在整理原因</translation>
    </message>
    <message>
        <source>Cancelled; the watch list was left as it was.</source>
        <translation>已取消；流失风险名单保持原样。</translation>
    </message>
    <message>
        <source>Recomputing the watch list</source>
        <translation>正在重新计算流失风险名单</translation>
    </message>
    <message>
        <source>Instalment overdue</source>
        <translation>补贴逾期未发</translation>
    </message>
    <message>
        <source>Subsidies ended</source>
        <translation>补贴已发完</translation>
    </message>
    <message>
        <source>Newcomer without a mentor</source>
        <translation>新来人才没有导师</translation>
    </message>
    <message>
        <source>No check-in for 90 days</source>
        <translation>90 天未开展帮带</translation>
    </message>
    <message>
        <source>Open housing or family case</source>
        <translation>住房或家庭事项未办结</translation>
    </message>
    <message>
        <source>No training this year</source>
        <translation>本年度未参加培训</translation>
    </message>
    <message>
        <source>No event for two years</source>
        <translation>两年无成长记录</translation>
    </message>
    <message>
        <source>Appraisal basically competent or incompetent</source>
        <translation>考核为基本合格或不合格</translation>
    </message>
    <message>
        <source>Service commitment ending soon</source>
        <translation>服务期即将届满</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Mentor pairing</source>
        <translation>导师结对</translation>
    </message>
    <message>
        <source>Care case</source>
        <translation>关爱服务</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation>单击打开</translation>
    </message>
    <message>
        <source>Choose a talent to see the timeline.</source>
        <translation>请选择一名人才查看成长轨迹。</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到岗</translation>
    </message>
    <message>
        <source>Service commitment ends</source>
        <translation>服务期届满</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Name, pinyin initials or ID number…</source>
        <translation>姓名、拼音首字母或身份证号…</translation>
    </message>
    <message>
        <source>Add event…</source>
        <translation>新增事件…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Red dashed line: end of the service commitment. Ctrl+wheel zooms.</source>
        <translation>红色虚线为服务期届满日；按住 Ctrl 滚动鼠标滚轮可缩放。</translation>
    </message>
    <message>
        <source>arrived {date}</source>
        <translation>{date} 到岗</translation>
    </message>
    <message>
        <source>service commitment until {date}</source>
        <translation>服务期至 {date}</translation>
    </message>
    <message>
        <source>left {date}</source>
        <translation>{date} 离开</translation>
    </message>
    <message>
        <source>{n} marks</source>
        <translation>共 {n} 项记录</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除事件</translation>
    </message>
    <message>
        <source>Delete this event from the timeline?</source>
        <translation>确定从成长轨迹中删除该事件吗？</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Programme</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>结业人数</translation>
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
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Enrolled on</source>
        <translation>报名日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>结业日期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>In the plan</source>
        <translation>已纳入计划</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Enrol by filter…</source>
        <translation>按条件报名…</translation>
    </message>
    <message>
        <source>Enrol talents…</source>
        <translation>逐个报名…</translation>
    </message>
    <message>
        <source>Record completion…</source>
        <translation>登记结业…</translation>
    </message>
    <message>
        <source>Mark dropped</source>
        <translation>标记退出</translation>
    </message>
    <message>
        <source>Plan year</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <source>Coverage of active talents</source>
        <translation>在岗人才培训覆盖情况</translation>
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
        <source>{year}: {in_plan} of {active} active talents are in the plan ({share}); {completed} have completed a programme.</source>
        <translation>{year} 年：{active} 名在岗人才中已有 {in_plan} 名纳入培训计划（{share}），其中 {completed} 名已结业。</translation>
    </message>
    <message>
        <source>Choose a programme to see who is enrolled.</source>
        <translation>请选择一个培训项目查看报名人员。</translation>
    </message>
    <message>
        <source>Enrolled in {name}</source>
        <translation>{name} 报名人员</translation>
    </message>
    <message>
        <source>Select the enrolments that were completed (Ctrl+click for several).</source>
        <translation>请选择已结业的报名记录（按住 Ctrl 可多选）。</translation>
    </message>
</context>
<context>
    <name>WatchPage</name>
    <message>
        <source>Score</source>
        <translation>风险分值</translation>
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
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <source>Show timeline</source>
        <translation>查看成长轨迹</translation>
    </message>
    <message>
        <source>Colour of the reasons (the weightiest one):</source>
        <translation>原因的颜色（按分值最高的原因）：</translation>
    </message>
    <message>
        <source>Scoring the active talents…</source>
        <translation>正在计算在岗人才的风险分值…</translation>
    </message>
    <message>
        <source>Scoring the active talents… {text} ({done}/{total})</source>
        <translation>正在计算在岗人才的风险分值…{text}（{done}/{total}）</translation>
    </message>
    <message>
        <source>{n} active talents reach the watch-list score of {threshold}, highest score first (the score and the points per signal are in File → Settings). Double-click to open the record.</source>
        <translation>{n} 名在岗人才达到流失风险 {threshold} 分，按分数从高到低排列（分数线和各信号分值在“文件 → 设置”中）。双击打开人才档案。</translation>
    </message>
</context>
<context>
    <name>YearlyReport</name>
    <message>
        <source>After 1 year</source>
        <translation>1年留存率</translation>
    </message>
    <message>
        <source>After 3 years</source>
        <translation>3年留存率</translation>
    </message>
    <message>
        <source>After 5 years</source>
        <translation>5年留存率</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>引进人数</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <source>No talents yet</source>
        <translation>暂无人才数据</translation>
    </message>
    <message>
        <source>{year} Talent Work Report</source>
        <translation>{year}年度人才工作报告</translation>
    </message>
    <message>
        <source>{office} · figures as of {date}</source>
        <translation>{office} · 数据截至 {date}</translation>
    </message>
    <message>
        <source>1. Overview</source>
        <translation>一、总体情况</translation>
    </message>
    <message>
        <source>In {year}, {arrived} talents arrived and {departed} left, {within} of them before their service commitment ended. {here} of the {total} talents introduced so far are still in the county.</source>
        <translation>{year}年，全县新引进人才 {arrived} 名，离开 {departed} 名，其中服务期内离开 {within} 名。累计引进人才 {total} 名，现仍在县工作 {here} 名。</translation>
    </message>
    <message>
        <source>2. Arrivals and departures</source>
        <translation>二、引进与离开情况</translation>
    </message>
    <message>
        <source>3. Retention by arrival year</source>
        <translation>三、按引进年度的留存情况</translation>
    </message>
    <message>
        <source>Arrival year</source>
        <translation>引进年度</translation>
    </message>
    <message>
        <source>Still here</source>
        <translation>现仍在县</translation>
    </message>
    <message>
        <source>Left within commitment</source>
        <translation>服务期内离开</translation>
    </message>
    <message>
        <source>A cohort shows a share after N years only when every member has been here N years; “—” means the cohort is still too young.</source>
        <translation>某引进年度的人才全部到岗满 N 年后才计算 N 年留存率；“—”表示尚未满期。</translation>
    </message>
    <message>
        <source>4. Retention by tier</source>
        <translation>四、按人才类别的留存情况</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>5. Retention by employer (the 15 largest)</source>
        <translation>五、按用人单位的留存情况（引进人数最多的 15 家）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>6. Training plan coverage in {year}</source>
        <translation>六、{year}年度培训计划覆盖情况</translation>
    </message>
    <message>
        <source>Active talents</source>
        <translation>在岗人才</translation>
    </message>
    <message>
        <source>In the plan</source>
        <translation>已纳入计划</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>结业人数</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>7. Talents at risk of leaving (highest scores)</source>
        <translation>七、流失风险较高的人才（按分值排序）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>风险分值</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>风险因素</translation>
    </message>
    <message>
        <source>No active talent shows a risk signal.</source>
        <translation>在岗人才均未出现风险因素。</translation>
    </message>
    <message>
        <source>The method behind the retention figures and the watch list is explained in the program&apos;s help (Retention figures; Watch list).</source>
        <translation>留存率和流失风险的计算方法详见程序帮助（“留才分析”“流失风险预警”）。</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>Chain head: {head}</source>
        <translation>链头：{head}</translation>
    </message>
    <message>
        <source>The report could not be written: {error}</source>
        <translation>报告无法写入：{error}</translation>
    </message>
</context>
</TS>
