<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>{path} is a folder, not a database file. Give the database file (for example {default}).</source>
        <translation>{path} 是一个文件夹，不是数据库文件。请给出数据库文件（例如 {default}）。</translation>
    </message>
    <message>
        <source>There is no database at {path}. Check the path; the default database is {default}. To create a new, empty database there: talentdesk --db "{path}" init</source>
        <translation>{path} 处没有数据库。请检查路径；默认数据库是 {default}。如要在该处新建一个空数据库：talentdesk --db "{path}" init</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose another file name, so the database is not overwritten.</source>
        <translation>{path} 就是数据库本身；请换一个文件名，以免覆盖数据库。</translation>
    </message>
    <message>
        <source>A number given is too large (a 22-digit entry or year?); nothing was changed. Check the numbers on the command line.</source>
        <translation>给出的数字太大（例如 22 位的条目号或年份？），未做任何改动。请检查命令行中的数字。</translation>
    </message>
    <message>
        <source>The command failed unexpectedly; details are in the log: {path}</source>
        <translation>命令执行时发生意外错误，详细情况已写入日志：{path}</translation>
    </message>
    <message>
        <source>Nothing was printed or changed. To print anyway, give the same command with --print-anyway.</source>
        <translation>没有打印，也没有改动任何数据。如仍要打印，请在同一命令后加 --print-anyway。</translation>
    </message>
    <message>
        <source>Demo data: {talents} talents, {entries} ledger entries, {pairings} pairings in {seconds:.1f} s.</source>
        <translation>演示数据：{talents} 名人才，{entries} 条台账分录，{pairings} 对结对，用时 {seconds:.1f} 秒。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this record</source>
        <translation>他人已保存此记录</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;字段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine (not saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;我的（未保存）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs (saved)&lt;/b&gt;</source>
        <translation>&lt;b&gt;他人的（已保存）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fields you changed start on your value, the others on theirs. Nothing is saved until you press Save.</source>
        <translation>您改动过的字段默认选您的值，其余默认选他人的值。按“保存所选内容”之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Save the chosen values</source>
        <translation>保存所选内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>{who} saved “{name}” at {when}, after you opened it. Nothing was saved: choose, field by field, which version to keep.</source>
        <translation>{who} 在 {when} 保存了“{name}”，晚于您打开它的时间。您的修改没有保存：请逐项选择保留哪个版本。</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>另一位经办人</translation>
    </message>
    <message>
        <source>Someone else saved this record after you opened it, so your change was not saved. Open it again to see their change, then make yours.</source>
        <translation>您打开此记录后，他人已保存了修改，因此您的修改未保存。请重新打开查看他人的修改，再做您的修改。</translation>
    </message>
</context>
<context>
    <name>Counties</name>
    <message>
        <source>A city account reads every county's records but does not change them. Sign in with an account of the county to make this change.</source>
        <translation>市级账号可以查看各县区的记录，但不能修改。请用该县区的账号登录后再修改。</translation>
    </message>
    <message>
        <source>This record belongs to another county; your account works for its own county only. Nothing was changed.</source>
        <translation>这条记录属于其他县区；您的账号只能处理本县区的数据。未做任何改动。</translation>
    </message>
    <message>
        <source>This database holds several counties: sign in with an account of the county whose records you are changing.</source>
        <translation>这个数据库包含多个县区：请用要修改记录所属县区的账号登录。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The number of demo talents must be between 1 and 2,000,000.</source>
        <translation>演示人才数量必须在 1 至 2,000,000 之间。</translation>
    </message>
    <message>
        <source>Demo data can only fill an empty database; this one already holds talents.</source>
        <translation>演示数据只能填入空数据库，此数据库中已有人才档案。</translation>
    </message>
    <message>
        <source>Demo generation was cancelled; nothing was kept.</source>
        <translation>已取消生成演示数据，未保留任何内容。</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才档案</translation>
    </message>
    <message>
        <source>Subsidies and ledger</source>
        <translation>补贴与台账</translation>
    </message>
    <message>
        <source>Payments in progress</source>
        <translation>办理中的付款</translation>
    </message>
    <message>
        <source>Mentors and pairings</source>
        <translation>导师与结对</translation>
    </message>
    <message>
        <source>Care cases</source>
        <translation>关爱服务</translation>
    </message>
    <message>
        <source>Training and growth</source>
        <translation>培训与成长</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>收尾</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
    <message>
        <source>Something went wrong and the operation was not completed. Your data has not been changed.</source>
        <translation>发生了意外错误，操作没有完成，您的数据没有被修改。</translation>
    </message>
    <message>
        <source>Details were written to the log file:
{path}</source>
        <translation>详细情况已写入日志文件：
{path}</translation>
    </message>
    <message>
        <source>Characters that cannot be printed</source>
        <translation>有无法打印的字</translation>
    </message>
    <message>
        <source>Print anyway? The characters stay blank on paper, and the operation log notes it.</source>
        <translation>仍要打印吗？这些字在纸上将是空白，操作日志会记下此事。</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>FileImportDialog</name>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Notes (imported, but look at them)</source>
        <translation>提示（会导入，但请核对）</translation>
    </message>
    <message>
        <source>What each row becomes</source>
        <translation>每行将导入为</translation>
    </message>
    <message>
        <source>Skip the refused rows and import only the valid ones</source>
        <translation>跳过被拒绝的行，只导入有效行</translation>
    </message>
    <message>
        <source>Also import the rows hidden in Excel</source>
        <translation>同时导入 Excel 中隐藏的行</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel or CSV (*.xlsx *.csv);;All files (*)</source>
        <translation>Excel 或 CSV (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Not data (totals or notes): rows {rows}.</source>
        <translation>非数据行（合计或说明）：第 {rows} 行。</translation>
    </message>
    <message>
        <source>Rows hidden in Excel, imported too: {rows}.</source>
        <translation>Excel 中隐藏的行也一并导入：第 {rows} 行。</translation>
    </message>
    <message>
        <source>Rows hidden in Excel, left out: {rows}; tick “Also import the rows hidden in Excel” to import them.</source>
        <translation>Excel 中隐藏的行未导入：第 {rows} 行；如需导入，请勾选“同时导入 Excel 中隐藏的行”。</translation>
    </message>
    <message>
        <source>Columns not imported: {cols}.</source>
        <translation>未导入的列：{cols}。</translation>
    </message>
    <message>
        <source>Nothing is imported while rows are refused, unless you choose to skip them.</source>
        <translation>有被拒绝的行时不会导入任何数据，除非选择跳过这些行。</translation>
    </message>
    <message>
        <source>{valid} rows are ready to import; {bad} rows refused; {blank} blank rows skipped.</source>
        <translation>可导入 {valid} 行；拒绝 {bad} 行；跳过空行 {blank} 行。</translation>
    </message>
    <message>
        <source>Imported {n} rows. A backup was taken first.</source>
        <translation>已导入 {n} 行。导入前已备份数据库。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{name} is open in another program (WPS, Excel or a PDF reader), so it could not be replaced. Close it there and try again. The file was not changed.</source>
        <translation>{name} 正在被其他程序（WPS、Excel 或 PDF 阅读器）打开，无法替换。请先在那个程序里关闭它，再试一次。文件没有被改动。</translation>
    </message>
    <message>
        <source>{path} is a TalentDesk database (or one of its journal files); choose another file name, so the database is not overwritten. Nothing was changed.</source>
        <translation>{path} 是一个 TalentDesk 数据库（或其日志文件）；请换一个文件名，以免覆盖数据库。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of the file to write.</source>
        <translation>{path} 是一个文件夹；请给出要写入的文件名。</translation>
    </message>
</context>
<context>
    <name>Finished</name>
    <message>
        <source>Saved as:
{path}</source>
        <translation>已保存为：
{path}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>The CSV file is neither UTF-8 nor GBK text. Save it again from Excel as “CSV UTF-8” or as an .xlsx workbook.</source>
        <translation>该 CSV 文件既不是 UTF-8 也不是 GBK 编码。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 工作簿后再导入。</translation>
    </message>
    <message>
        <source>This file is not a CSV text file (it contains binary data).</source>
        <translation>该文件不是 CSV 文本文件（含有二进制数据）。</translation>
    </message>
    <message>
        <source>The CSV file is damaged near line {line}.</source>
        <translation>该 CSV 文件在第 {line} 行附近已损坏。</translation>
    </message>
    <message>
        <source>This is an old-style .xls workbook. Open it in Excel or WPS and save it as .xlsx, then import that file.</source>
        <translation>这是旧版 .xls 工作簿。请用 Excel 或 WPS 打开并另存为 .xlsx 后再导入。</translation>
    </message>
    <message>
        <source>This file is not an Excel workbook (.xlsx).</source>
        <translation>该文件不是 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The workbook has no sheet “{name}”; its sheets are {names}.</source>
        <translation>工作簿中没有名为“{name}”的工作表；它的工作表有：{names}。</translation>
    </message>
    <message>
        <source>The Excel workbook cannot be read; it may be damaged or protected with a password.</source>
        <translation>无法读取该 Excel 工作簿，文件可能已损坏或设置了密码。</translation>
    </message>
    <message>
        <source>The workbook has no sheet.</source>
        <translation>该工作簿中没有工作表。</translation>
    </message>
    <message>
        <source>Only .xlsx and .csv files can be imported.</source>
        <translation>只能导入 .xlsx 和 .csv 文件。</translation>
    </message>
    <message>
        <source>The file is larger than 100 MB; split it into smaller files.</source>
        <translation>文件超过 100 MB，请拆分后分别导入。</translation>
    </message>
    <message>
        <source>The file cannot be opened: {reason}</source>
        <translation>无法打开该文件：{reason}</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>该文件是空的。</translation>
    </message>
    <message>
        <source>The file has no header row and no data.</source>
        <translation>该文件没有表头，也没有数据。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>博士研究生</translation>
    </message>
    <message>
        <source>Master's</source>
        <translation>硕士研究生</translation>
    </message>
    <message>
        <source>Bachelor's</source>
        <translation>大学本科</translation>
    </message>
    <message>
        <source>College</source>
        <translation>大学专科</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>博士</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>硕士</translation>
    </message>
    <message>
        <source>Bachelor</source>
        <translation>学士</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation>全职引进</translation>
    </message>
    <message>
        <source>Flexible</source>
        <translation>柔性引进</translation>
    </message>
    <message>
        <source>Settling-in subsidy</source>
        <translation>安家补贴</translation>
    </message>
    <message>
        <source>Living allowance</source>
        <translation>生活补贴</translation>
    </message>
    <message>
        <source>House purchase subsidy</source>
        <translation>购房补贴</translation>
    </message>
    <message>
        <source>Rent subsidy</source>
        <translation>租房补贴</translation>
    </message>
    <message>
        <source>Talent apartment</source>
        <translation>人才公寓</translation>
    </message>
    <message>
        <source>Start-up support</source>
        <translation>创业扶持</translation>
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
        <source>Lump sum</source>
        <translation>一次性发放</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月发放</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>按年发放</translation>
    </message>
    <message>
        <source>Pro rata</source>
        <translation>按比例退回</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全额退回</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Instalment due</source>
        <translation>分期应付</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>应退回</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退回款</translation>
    </message>
    <message>
        <source>Waiver</source>
        <translation>免于退回</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Under public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Sent to the bank</source>
        <translation>已报送银行</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>已对账</translation>
    </message>
    <message>
        <source>In the batch</source>
        <translation>在批次中</translation>
    </message>
    <message>
        <source>Taken out</source>
        <translation>已移出</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>住房</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Spouse's job</source>
        <translation>配偶就业</translation>
    </message>
    <message>
        <source>Child's school</source>
        <translation>子女入学</translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation>户籍办理</translation>
    </message>
    <message>
        <source>Canteen</source>
        <translation>就餐</translation>
    </message>
    <message>
        <source>Clubs and events</source>
        <translation>联谊活动</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>到岗</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Annual appraisal</source>
        <translation>年度考核</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>获得表彰</translation>
    </message>
    <message>
        <source>Title gained</source>
        <translation>取得职称</translation>
    </message>
    <message>
        <source>Post change</source>
        <translation>岗位变动</translation>
    </message>
    <message>
        <source>Important post</source>
        <translation>重要岗位锻炼</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>提拔晋升</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>优秀</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Basically competent</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <source>Incompetent</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>录入员</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查询员</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>生成演示数据</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TalentDesk — talent work office</source>
        <translation>TalentDesk — 人才工作台账</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Moving in the office's Excel files…</source>
        <translation>迁入历史 Excel 数据(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About TalentDesk</source>
        <translation>关于 TalentDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose a font file</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.ttc *.otf)</source>
        <translation>字体 (*.ttf *.ttc *.otf)</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Your role ({role}) is not allowed to do this.</source>
        <translation>您的角色（{role}）无权执行此操作。</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Promotion: minimum years in post</source>
        <translation>晋升：现岗位最少年限</translation>
    </message>
    <message>
        <source>Promotion: minimum training hours</source>
        <translation>晋升：最少培训学时</translation>
    </message>
    <message>
        <source>Promotion: latest appraisals that must be good</source>
        <translation>晋升：最近几次考核须为优秀或合格</translation>
    </message>
    <message>
        <source>Promotion: a professional title is required</source>
        <translation>晋升：须有专业技术职称</translation>
    </message>
    <message>
        <source>Watch list: points per signal</source>
        <translation>流失风险：各信号分值</translation>
    </message>
    <message>
        <source>Watch list: score from which a talent is listed</source>
        <translation>流失风险：达到多少分列入名单</translation>
    </message>
    <message>
        <source>Certificate font</source>
        <translation>凭证字体</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>第二备份文件夹</translation>
    </message>
    <message>
        <source>Mentor check-in every (days)</source>
        <translation>导师帮带记录间隔（天）</translation>
    </message>
    <message>
        <source>Warn before a service commitment ends (days)</source>
        <translation>服务期满前提醒（天）</translation>
    </message>
    <message>
        <source>Lock after idle minutes (0 = never)</source>
        <translation>空闲多少分钟后锁定（0 = 不锁定）</translation>
    </message>
    <message>
        <source>Certificate key</source>
        <translation>凭证密钥</translation>
    </message>
    <message>
        <source>{name}: enter a whole number.</source>
        <translation>{name}：请填写整数。</translation>
    </message>
    <message>
        <source>{name}: enter a number.</source>
        <translation>{name}：请填写数字。</translation>
    </message>
    <message>
        <source>{name}: enter a value from {low} to {high}.</source>
        <translation>{name}：请填写 {low} 到 {high} 之间的数值。</translation>
    </message>
    <message>
        <source>There is no setting called “{key}”.</source>
        <translation>没有名为“{key}”的设置项。</translation>
    </message>
    <message>
        <source>{name}: enter 1 to {high} characters.</source>
        <translation>{name}：请填写 1 到 {high} 个字符。</translation>
    </message>
    <message>
        <source>{name}: choose yes or no.</source>
        <translation>{name}：请选择是或否。</translation>
    </message>
    <message>
        <source>{name}: give points for each signal.</source>
        <translation>{name}：请为每个信号填写分值。</translation>
    </message>
    <message>
        <source>There is no watch-list signal “{code}”.</source>
        <translation>流失风险中没有“{code}”这个信号。</translation>
    </message>
    <message>
        <source>{name}: choose a font file (.ttf, .ttc or .otf) that exists, or leave it empty to use the first Chinese font found.</source>
        <translation>{name}：请选择一个存在的字体文件（.ttf、.ttc 或 .otf），或留空以自动使用找到的第一个中文字体。</translation>
    </message>
    <message>
        <source>{name}: the folder {path} does not exist (or leave it empty).</source>
        <translation>{name}：文件夹 {path} 不存在（也可以留空）。</translation>
    </message>
    <message>
        <source>City-wide setting {key}</source>
        <translation>全市设置 {key}</translation>
    </message>
    <message>
        <source>Setting {key} of county {code} {name}</source>
        <translation>县区 {code} {name} 的设置 {key}</translation>
    </message>
    <message>
        <source>The city-wide settings are changed by a city account; a county's account changes its county's own settings only. Nothing was changed.</source>
        <translation>全市设置只能由市级账号修改；县区账号只能修改本县区自己的设置。没有做任何改动。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Printed on certificates, agreements and the yearly report.</source>
        <translation>印在凭证、结对协议和年度报告上。</translation>
    </message>
    <message>
        <source>Promotion readiness</source>
        <translation>晋升条件</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>A talent is listed when the points of the signals that hold reach the score above. 0 points switches a signal off.</source>
        <translation>一名人才各项成立信号的分值之和达到上面的分数时列入名单。分值设为 0 即停用该信号。</translation>
    </message>
    <message>
        <source>Mentoring and reminders</source>
        <translation>导师帮带与提醒</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>automatic: the first Chinese font found</source>
        <translation>自动：使用找到的第一个中文字体</translation>
    </message>
    <message>
        <source>none: backups stay beside the database</source>
        <translation>无：备份只放在数据库旁边</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Only an administrator can change the settings.</source>
        <translation>只有管理员可以修改设置。</translation>
    </message>
    <message>
        <source>City-wide settings: every county that has not set a value of its own uses these.</source>
        <translation>全市设置：没有自行设定某项的县区都使用这里的值。</translation>
    </message>
    <message>
        <source>Settings of {name} ({code}). A value this county has not set is the city's; what you save here applies to this county only.</source>
        <translation>{name}（{code}）的设置。本县区没有自行设定的项目沿用全市设置；在这里保存的只对本县区有效。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database {path} is on a network share ({reason}). SQLite databases are damaged when they are written over a network. Keep the database on this PC's own disk (the default data folder) and use backups to copy it elsewhere.</source>
        <translation>数据库 {path} 位于网络共享位置（{reason}）。通过网络读写会损坏数据库，请将数据库保存在本机硬盘上（默认的数据文件夹），需要时用备份复制到其他位置。</translation>
    </message>
    <message>
        <source>The upgrade would break links between records; nothing was changed.</source>
        <translation>升级会破坏记录之间的关联，已取消升级，数据未作任何改动。</translation>
    </message>
    <message>
        <source>The change was saved, but {name} could not be written ({error}). Close it in WPS/Excel or the PDF reader and make the file again.</source>
        <translation>更改已保存，但无法写入 {name}（{error}）。请在 WPS/Excel 或 PDF 阅读器中关闭它，然后重新生成该文件。</translation>
    </message>
    <message>
        <source>A file name or path is too long, or has characters the disk does not allow: {path}. Nothing was changed.</source>
        <translation>文件名或路径太长，或含有磁盘不允许的字符：{path}。未做任何改动。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved; the database is unchanged. Free some space (or delete old files) and try again.</source>
        <translation>磁盘已满，本次修改未保存，数据库保持不变。请清理磁盘空间（或删除旧文件）后重试。</translation>
    </message>
    <message>
        <source>The database file or its folder is read-only (or belongs to another user), so nothing can be saved; the database is unchanged. Check the file's properties and the folder's permissions.</source>
        <translation>数据库文件或其所在文件夹为只读（或属于其他用户），无法保存；数据库未改变。请检查文件属性和文件夹权限。</translation>
    </message>
    <message>
        <source>Another program kept the database locked (for example a long import, or a copy tool); the change was not saved. Try again when it has finished.</source>
        <translation>另一个程序锁定了数据库（例如长时间导入或复制工具），本次修改未保存。请在其完成后重试。</translation>
    </message>
    <message>
        <source>The disk reported a read or write error; the change was not saved. Copy the database to another disk, and check this one.</source>
        <translation>磁盘报告读写错误，本次修改未保存。请把数据库复制到另一块磁盘，并检查这块磁盘。</translation>
    </message>
    <message>
        <source>The database file cannot be opened: its folder is missing, not writable, or the disk is not available; nothing was changed.</source>
        <translation>无法打开数据库文件：文件夹不存在、不可写，或磁盘不可用；未做任何修改。</translation>
    </message>
    <message>
        <source>The file is not a TalentDesk database, or it is damaged: {error}. Run `talentdesk check`, or restore a backup.</source>
        <translation>该文件不是人才工作台数据库，或已损坏：{error}。请运行 `talentdesk check`，或恢复备份。</translation>
    </message>
</context>
<context>
    <name>Tab</name>
    <message>
        <source>Overview</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才档案</translation>
    </message>
    <message>
        <source>Subsidy ledger</source>
        <translation>补贴台账</translation>
    </message>
    <message>
        <source>Mentor board</source>
        <translation>导师结对</translation>
    </message>
    <message>
        <source>Growth timeline</source>
        <translation>成长轨迹</translation>
    </message>
</context>
<context>
    <name>Tabular</name>
    <message>
        <source>The columns “{a}” and “{b}” both mean {field}; remove or rename one of them.</source>
        <translation>“{a}”和“{b}”两列都表示{field}；请删除或改名其中一列。</translation>
    </message>
    <message>
        <source>{a} or {b}</source>
        <translation>{a}或{b}</translation>
    </message>
    <message>
        <source>The file has no column for: {fields}. Rename the column to one of the template's headers.</source>
        <translation>文件中缺少以下列：{fields}。请把相应列改成模板中的列名。</translation>
    </message>
    <message>
        <source>Columns not recognised: {cols}</source>
        <translation>未识别的列：{cols}</translation>
    </message>
    <message>
        <source>Hidden rows: choose include or skip.</source>
        <translation>隐藏行：请选择 include（导入）或 skip（不导入）。</translation>
    </message>
    <message>
        <source>{n} rows of this file are hidden in Excel (rows {rows}). Decide whether to import them: in the preview, or with --hidden-rows include or --hidden-rows skip.</source>
        <translation>此文件有 {n} 行在 Excel 中被隐藏（第 {rows} 行）。请决定是否导入：在预览中选择，或使用 --hidden-rows include 或 --hidden-rows skip。</translation>
    </message>
    <message>
        <source>filled in from the merged cell on row {row}</source>
        <translation>由第 {row} 行的合并单元格填入</translation>
    </message>
    <message>
        <source>The ID number is missing.</source>
        <translation>缺少身份证号。</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number and lost its last digits. Set the column to text (文本) and type the number again.</source>
        <translation>Excel 把这个身份证号存成了数字，丢失了末几位。请把该列设为“文本”后重新输入号码。</translation>
    </message>
    <message>
        <source>No talent with the ID number {id} is on file; import the talent roster first.</source>
        <translation>人才档案中没有身份证号为 {id} 的人员；请先导入人才花名册。</translation>
    </message>
    <message>
        <source>Close matches: {names}.</source>
        <translation>相近的有：{names}。</translation>
    </message>
    <message>
        <source>The ID number belongs to {on_file}, not to {written}.</source>
        <translation>该身份证号属于{on_file}，不是{written}。</translation>
    </message>
</context>
<context>
    <name>TalentEdit</name>
    <message>
        <source>This is not a date; write it like 2023-07-01.</source>
        <translation>不是有效日期，请按 2023-07-01 的格式填写。</translation>
    </message>
    <message>
        <source>There is no such day in the calendar.</source>
        <translation>日历中没有这一天。</translation>
    </message>
    <message>
        <source>The service commitment is a whole number of years from 0 to 50.</source>
        <translation>服务期应为 0 至 50 之间的整数年。</translation>
    </message>
    <message>
        <source>“{value}” is not one of: {allowed}.</source>
        <translation>“{value}”不是可选值，可选：{allowed}。</translation>
    </message>
    <message>
        <source>There is no talent tier “{value}”; the tiers are {allowed} (or their names).</source>
        <translation>没有“{value}”这个人才类别；可填 {allowed}（或类别名称，如“A类”“A类人才”）。</translation>
    </message>
    <message>
        <source>Write yes or no (是/否).</source>
        <translation>请填写“是”或“否”。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>The ID number is required.</source>
        <translation>请填写身份证号。</translation>
    </message>
    <message>
        <source>The gender is required.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <source>The ID number belongs to a {gender}; please check the gender or the ID number.</source>
        <translation>按身份证号应为{gender}，请核对性别或身份证号。</translation>
    </message>
    <message>
        <source>man</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>The ID number gives the birth date {date}.</source>
        <translation>按身份证号，出生日期应为 {date}。</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.cn).</source>
        <translation>电子邮箱格式不正确（如 name@example.cn）。</translation>
    </message>
    <message>
        <source>The talent tier is required.</source>
        <translation>请选择人才类别。</translation>
    </message>
    <message>
        <source>The arrival date is required.</source>
        <translation>请填写到岗日期。</translation>
    </message>
    <message>
        <source>The arrival date is before the birth date.</source>
        <translation>到岗日期早于出生日期。</translation>
    </message>
    <message>
        <source>The birth date must lie between 1900 and today.</source>
        <translation>出生日期应在 1900 年至今天之间。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>The arrival date is more than a year from today.</source>
        <translation>到岗日期晚于一年之后，请检查是否输错。</translation>
    </message>
    <message>
        <source>The arrival date is before 1900.</source>
        <translation>到岗日期早于1900年。</translation>
    </message>
    <message>
        <source>The arrival date is before the talent's 16th birthday ({date}).</source>
        <translation>到岗日期早于本人年满16周岁之日（{date}）。</translation>
    </message>
    <message>
        <source>The departure date is more than a year from today.</source>
        <translation>离开日期晚于一年之后，请检查是否输错。</translation>
    </message>
    <message>
        <source>The departure date is before 1900.</source>
        <translation>离开日期早于1900年。</translation>
    </message>
    <message>
        <source>The departure date is before the arrival date ({date}).</source>
        <translation>离开日期早于到岗日期（{date}）。</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>School</source>
        <translation>毕业院校</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Talent tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Introduction mode</source>
        <translation>引进方式</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Important post</source>
        <translation>重要岗位</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>到岗日期</translation>
    </message>
    <message>
        <source>Service commitment (years)</source>
        <translation>服务期（年）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Service commitment ends</source>
        <translation>服务期满日期</translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Departure reason</source>
        <translation>离开原因</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Clawback waiver reason</source>
        <translation>免于追回理由</translation>
    </message>
    <message>
        <source>Reason for leaving (coded)</source>
        <translation>离开原因类别</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>You have changed this form without saving. Discard the changes?</source>
        <translation>此表单有未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number is required.</source>
        <translation>请填写身份证号码。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {n}.</source>
        <translation>身份证号码应为 18 位，此号码为 {n} 位。</translation>
    </message>
    <message>
        <source>An ID number has 17 digits followed by a digit or X.</source>
        <translation>身份证号码由 17 位数字加 1 位数字或 X 组成。</translation>
    </message>
    <message>
        <source>The ID number's check digit is wrong; please check for a typing error.</source>
        <translation>身份证号码校验位不正确，请检查是否输错。</translation>
    </message>
    <message>
        <source>The region code {code} is in no edition of the national division codes we know; the number is accepted — please compare it with the ID card.</source>
        <translation>地址码 {code} 不在已知任何版本的行政区划代码中；号码已接受，请与身份证原件核对。</translation>
    </message>
    <message>
        <source>Excel stored this {what} as a number and lost its last digits (it shows like 3.30782E+17). Set the column's format to 文本 (Text) and type the number again.</source>
        <translation>Excel 把这个{what}存成了数字，丢失了末尾几位（显示为 3.30782E+17 之类）。请把该列的单元格格式设为“文本”，再重新输入号码。</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>This is a first-generation 15-digit ID number; its 18-digit form is {id18}.</source>
        <translation>这是15位的第一代身份证号，对应的18位号码是 {id18}。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({digits}) is not a day of the calendar.</source>
        <translation>身份证号中的出生日期（{digits}）不是日历上存在的日期。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}) must lie between 1900 and today.</source>
        <translation>身份证号中的出生日期（{date}）应在1900年至今天之间。</translation>
    </message>
    <message>
        <source>The ID number begins with {code}, which is no province's code.</source>
        <translation>身份证号以 {code} 开头，这不是任何省份的代码。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits starting with 13–19 (landlines need the area code).</source>
        <translation>手机号码为以 13–19 开头的 11 位数字（固定电话须加区号）。</translation>
    </message>
    <message>
        <source>The unified social credit code is not valid (18 characters with a check character).</source>
        <translation>统一社会信用代码无效（应为含校验码的 18 位字符）。</translation>
    </message>
    <message>
        <source>The amount is not a number.</source>
        <translation>金额不是有效的数字。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimal places (fen).</source>
        <translation>金额最多保留两位小数（精确到分）。</translation>
    </message>
    <message>
        <source>Enter the voucher number of the payment.</source>
        <translation>请填写付款凭证号。</translation>
    </message>
    <message>
        <source>The voucher number is too long (at most 40 characters).</source>
        <translation>凭证号太长（最多 40 个字符）。</translation>
    </message>
    <message>
        <source>“{text}” is not a voucher number: it needs the voucher's number, e.g. 记-202611-0012.</source>
        <translation>“{text}”不是凭证号：请填写凭证的编号，例如 记-202611-0012。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
</context>
<context>
    <name>Written</name>
    <message>
        <source>“{value}” is not an amount; write it like 15000, 15,000.00, 1.5万 or ￥15,000.</source>
        <translation>“{value}”不是金额；请写成 15000、15,000.00、1.5万 或 ￥15,000。</translation>
    </message>
    <message>
        <source>The amount is missing.</source>
        <translation>缺少金额。</translation>
    </message>
    <message>
        <source>The amount cannot be negative; money paid back is a refund.</source>
        <translation>金额不能为负数；退回的钱应记为退款。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>“{value}” has more than two decimal places; amounts are exact to the fen.</source>
        <translation>“{value}”的小数超过两位；金额精确到分。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>Write the instalment like 2/3 or 第2期.</source>
        <translation>期次请写成 2/3 或 第2期。</translation>
    </message>
    <message>
        <source>Instalments are counted from 1.</source>
        <translation>期次从 1 开始。</translation>
    </message>
    <message>
        <source>Excel turned the instalment into a date; set the column to text (文本) and write it like 2/3 again.</source>
        <translation>Excel 把期次变成了日期；请把该列设为“文本”，再按 2/3 的格式重新填写。</translation>
    </message>
    <message>
        <source>Instalment {seq} of {count} does not exist.</source>
        <translation>共 {count} 期，不存在第 {seq} 期。</translation>
    </message>
    <message>
        <source>“{value}” is not an instalment; write it like 2/3, 第2期 or leave it empty.</source>
        <translation>“{value}”不是期次；请写成 2/3、第2期，或留空。</translation>
    </message>
    <message>
        <source>“{value}” is not a payment method; write 银行转账 or 现金.</source>
        <translation>“{value}”不是发放方式；请写“银行转账”或“现金”。</translation>
    </message>
</context>
<context>
    <name>_NotBuilt</name>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
</TS>