<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountImport</name>
    <message>
        <source>“{value}” is not a kind of account; write 银行卡, 社保卡 or 存折.</source>
        <translation>“{value}”不是账户类型；请填写 银行卡、社保卡 或 存折。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，未作任何更改。</translation>
    </message>
    <message>
        <source>The bank is missing.</source>
        <translation>缺少开户行。</translation>
    </message>
    <message>
        <source>The account holder cannot begin with {char}.</source>
        <translation>户名不能以 {char} 开头。</translation>
    </message>
    <message>
        <source>{name} has an account on row {other} already: one account per talent.</source>
        <translation>{name} 在第 {other} 行已有账户：每名人才一个账户。</translation>
    </message>
    <message>
        <source>imported from {file}</source>
        <translation>从 {file} 导入</translation>
    </message>
    <message>
        <source>Importing bank accounts</source>
        <translation>正在导入银行账户</translation>
    </message>
</context>
<context>
    <name>BankAccounts</name>
    <message>
        <source>account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>The account or card number is missing.</source>
        <translation>缺少账号或卡号。</translation>
    </message>
    <message>
        <source>An account or card number has digits only: {value}</source>
        <translation>账号或卡号只能由数字组成：{value}</translation>
    </message>
    <message>
        <source>A bank card number has 16 to 19 digits; this one has {n}.</source>
        <translation>银行卡号为 16 至 19 位，此号码为 {n} 位。</translation>
    </message>
    <message>
        <source>The card number {value} is mistyped: its last digit does not match the others (Luhn check). Compare it with the card.</source>
        <translation>卡号 {value} 有误：末位校验码与其他数字不符（Luhn 校验）。请与银行卡核对。</translation>
    </message>
    <message>
        <source>An account number has 8 to 32 digits; this one has {n}.</source>
        <translation>账号为 8 至 32 位，此号码为 {n} 位。</translation>
    </message>
    <message>
        <source>The {what} is missing.</source>
        <translation>缺少{what}。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The {what} cannot begin with {char}.</source>
        <translation>{what}不能以 {char} 开头。</translation>
    </message>
    <message>
        <source>Talent {id} does not exist.</source>
        <translation>人才 {id} 不存在。</translation>
    </message>
    <message>
        <source>Choose the kind of account (bank card, social security card or other account).</source>
        <translation>请选择账户类型（银行卡、社保卡或其他账户）。</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>account holder</source>
        <translation>户名</translation>
    </message>
</context>
<context>
    <name>BankFiles</name>
    <message>
        <source>line number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>account holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>No bank file layout is called {name}. The layouts are: {names}</source>
        <translation>没有名为 {name} 的银行文件格式。现有格式：{names}</translation>
    </message>
    <message>
        <source>Give the new layout a name (at most 60 characters).</source>
        <translation>请为新格式命名（最多 60 个字符）。</translation>
    </message>
    <message>
        <source>A layout called {name} exists already.</source>
        <translation>已有名为 {name} 的格式。</translation>
    </message>
    <message>
        <source>The file format is xlsx, csv or txt.</source>
        <translation>文件格式应为 xlsx、csv 或 txt。</translation>
    </message>
    <message>
        <source>The amount is in yuan or in fen.</source>
        <translation>金额单位应为元或分。</translation>
    </message>
    <message>
        <source>Unknown text encoding: {enc} (use utf-8, utf-8-sig or gb18030).</source>
        <translation>未知的文本编码：{enc}（请用 utf-8、utf-8-sig 或 gb18030）。</translation>
    </message>
    <message>
        <source>A text file needs a column separator.</source>
        <translation>文本文件需要列分隔符。</translation>
    </message>
    <message>
        <source>Each column is one of: {fields}.</source>
        <translation>每一列须为以下之一：{fields}。</translation>
    </message>
    <message>
        <source>The layout needs a column for the {what}.</source>
        <translation>格式中需要有“{what}”列。</translation>
    </message>
    <message>
        <source>The return mapping must say how to find the line number, the amount and the result, and which words mean paid and failed.</source>
        <translation>回盘映射须说明如何找到序号、金额和结果，以及哪些字样表示成功和失败。</translation>
    </message>
    <message>
        <source>Layout {id} does not exist.</source>
        <translation>格式 {id} 不存在。</translation>
    </message>
    <message>
        <source>A built-in layout cannot be changed; copy it and edit the copy.</source>
        <translation>内置格式不能修改；请复制后修改副本。</translation>
    </message>
    <message>
        <source>The character {char} cannot be written in the layout&apos;s encoding ({enc}); correct the name or use another layout.</source>
        <translation>字符 {char} 无法用该格式的编码（{enc}）写出；请更正姓名或改用其他格式。</translation>
    </message>
    <message>
        <source>The return file {path} cannot be read: {error}</source>
        <translation>无法读取回盘文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is too large for a return file.</source>
        <translation>{path} 过大，不像回盘文件。</translation>
    </message>
    <message>
        <source>{path} is not a readable .xlsx file.</source>
        <translation>{path} 不是可读取的 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is an Excel workbook; give it the name ending .xlsx.</source>
        <translation>{path} 是 Excel 工作簿，请将文件名改为以 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>{path} is not a text file in {enc}.</source>
        <translation>{path} 不是 {enc} 编码的文本文件。</translation>
    </message>
    <message>
        <source>The return file has no heading row with the columns {cols}: is it the return file of a &quot;{layout}&quot; bank file?</source>
        <translation>回盘文件中没有包含 {cols} 列的表头行：它是“{layout}”格式银行文件的回盘吗？</translation>
    </message>
    <message>
        <source>no line number ({value})</source>
        <translation>没有序号（{value}）</translation>
    </message>
    <message>
        <source>the amount {value} is not a number</source>
        <translation>金额 {value} 不是数字</translation>
    </message>
    <message>
        <source>the result &quot;{value}&quot; is neither {ok} nor {bad}</source>
        <translation>结果“{value}”既不是 {ok}，也不是 {bad}</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>到期截至</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>生成人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Re-issue of</source>
        <translation>重发自</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Re-issued in</source>
        <translation>重发批次</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <source>Publish notice…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Bank file…</source>
        <translation>生成银行文件…</translation>
    </message>
    <message>
        <source>Import bank return…</source>
        <translation>导入银行回盘…</translation>
    </message>
    <message>
        <source>Correct line…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Re-issue failed lines</source>
        <translation>重发失败行</translation>
    </message>
    <message>
        <source>Reconciliation report…</source>
        <translation>对账报告…</translation>
    </message>
    <message>
        <source>Notice again…</source>
        <translation>重新导出公示…</translation>
    </message>
    <message>
        <source>Cancel batch…</source>
        <translation>作废批次…</translation>
    </message>
    <message>
        <source>Bank account…</source>
        <translation>银行账户…</translation>
    </message>
    <message>
        <source>Working days…</source>
        <translation>工作日历…</translation>
    </message>
    <message>
        <source>Payment batches</source>
        <translation>发放批次</translation>
    </message>
    <message>
        <source>Sent {sent} ({sent_n}) · paid {paid} ({paid_n}) · failed {failed} ({failed_n}) · re-issued {re} · awaiting the bank {awaiting} · outstanding {out} · taken out {withdrawn}</source>
        <translation>报送 {sent}（{sent_n} 笔）· 到账 {paid}（{paid_n} 笔）· 失败 {failed}（{failed_n} 笔）· 已重发 {re} · 待回盘 {awaiting} · 未结 {out} · 移出 {withdrawn} 笔</translation>
    </message>
    <message>
        <source>No payment batch yet: make one from the instalments that are due.</source>
        <translation>还没有发放批次：可用已到期的分期新建批次。</translation>
    </message>
    <message>
        <source>Batch {number}: </source>
        <translation>批次 {number}：</translation>
    </message>
    <message>
        <source>Next: publish the public notice — 5 working days unless you choose otherwise.</source>
        <translation>下一步：公示——默认 5 个工作日。</translation>
    </message>
    <message>
        <source>Under notice from {start} to {end}: record objections; approval is possible from the day after the notice ends.</source>
        <translation>公示期 {start} 至 {end}：可登记异议；公示期满次日起方可审批。</translation>
    </message>
    <message>
        <source>The notice has ended: another person approves the batch.</source>
        <translation>公示期已满：由另一人审批本批次。</translation>
    </message>
    <message>
        <source>Next: write the bank&apos;s file in its layout and send it to the bank.</source>
        <translation>下一步：按银行格式生成代发文件并报送银行。</translation>
    </message>
    <message>
        <source>Sent to the bank: import the bank&apos;s return file when it comes back.</source>
        <translation>已报送银行：收到银行回盘后导入。</translation>
    </message>
    <message>
        <source>Every line has its result. Correct failed lines and re-issue them in a new batch.</source>
        <translation>每一行都已有结果。失败行可更正后在新批次中重发。</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>New payment batch</source>
        <translation>新建发放批次</translation>
    </message>
    <message>
        <source>Instalments due by</source>
        <translation>分期到期截至</translation>
    </message>
    <message>
        <source>The batch takes the instalments that have fallen due, are unpaid, are confirmed in post where the policy asks for it, and whose talent has a bank account.</source>
        <translation>批次纳入已到期、未支付、（政策要求时）已核验在岗且登记了银行账户的分期。</translation>
    </message>
    <message>
        <source>Batch {number}: {n} lines, {total}.</source>
        <translation>批次 {number}：{n} 笔，合计 {total}。</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>未纳入：</translation>
    </message>
    <message>
        <source>the office, by default</source>
        <translation>默认为本办公室</translation>
    </message>
    <message>
        <source>Publish the notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Notice starts on</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>Where to object</source>
        <translation>异议受理</translation>
    </message>
    <message>
        <source>The notice is written as PDF and as .xlsx (same name). ID numbers are masked; public holidays and weekend working days follow the calendar.</source>
        <translation>公示同时生成 PDF 和 .xlsx（同名）。身份证号已隐去中间部分；节假日和调休上班日按工作日历计算。</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存公示</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>异议对象</translation>
    </message>
    <message>
        <source>What it says</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Upheld: take the person out of the batch</source>
        <translation>异议成立：将此人移出批次</translation>
    </message>
    <message>
        <source>Approve batch</source>
        <translation>审批批次</translation>
    </message>
    <message>
        <source>Approve batch {number}: {n} lines, {total}?</source>
        <translation>审批批次 {number}：{n} 笔，合计 {total}？</translation>
    </message>
    <message>
        <source>Bank file</source>
        <translation>银行文件</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>The file carries full account and ID numbers for the bank: keep it safe. Writing it is recorded in the audit trail.</source>
        <translation>文件含完整账号和身份证号，供银行使用，请妥善保管。生成操作记入操作日志。</translation>
    </message>
    <message>
        <source>Save the bank file</source>
        <translation>保存银行文件</translation>
    </message>
    <message>
        <source>The bank&apos;s return file</source>
        <translation>银行回盘文件</translation>
    </message>
    <message>
        <source>Return files (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>回盘文件 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Bank return</source>
        <translation>银行回盘</translation>
    </message>
    <message>
        <source>{paid} paid ({paid_total}), {failed} failed ({failed_total}).</source>
        <translation>成功 {paid} 笔（{paid_total}），失败 {failed} 笔（{failed_total}）。</translation>
    </message>
    <message>
        <source>Correct line</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Select a failed line first.</source>
        <translation>请先选择一条失败的明细。</translation>
    </message>
    <message>
        <source>Correct line {line}: {name}</source>
        <translation>更正序号 {line}：{name}</translation>
    </message>
    <message>
        <source>Account or card number</source>
        <translation>账号或卡号</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>The bank said: {reason}</source>
        <translation>银行回复：{reason}</translation>
    </message>
    <message>
        <source>Save the reconciliation report</source>
        <translation>保存对账报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Social security card</source>
        <translation>社保卡（一卡通）</translation>
    </message>
    <message>
        <source>Other account (passbook)</source>
        <translation>其他账户（存折）</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账户</translation>
    </message>
    <message>
        <source>Talent (number, ID number or name)</source>
        <translation>人才（编号、身份证号或姓名）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>账户类型</translation>
    </message>
    <message>
        <source>The account becomes the talent&apos;s current one; the previous one is kept. A card number is checked with its last digit (Luhn).</source>
        <translation>此账户成为该人才的当前账户，原账户保留备查。银行卡号按末位校验码（Luhn）检查。</translation>
    </message>
    <message>
        <source>{name}: {account}, {bank} ({holder}).</source>
        <translation>{name}：{bank} {account}（户名 {holder}）。</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>No public holidays are entered for {year}: working days cannot be counted until they are.</source>
        <translation>{year} 年尚未录入法定节假日：录入前无法计算工作日。</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The day is</source>
        <translation>该日为</translation>
    </message>
    <message>
        <source>a public holiday (not worked)</source>
        <translation>法定节假日（不上班）</translation>
    </message>
    <message>
        <source>a working day (e.g. a weekend day worked)</source>
        <translation>工作日（如周末调休上班）</translation>
    </message>
    <message>
        <source>what its weekday says</source>
        <translation>按星期几（恢复普通日期）</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Days of {year} that differ from their weekday:</source>
        <translation>{year} 年与星期几不一致的日期：</translation>
    </message>
    <message>
        <source>Cancel batch {number}</source>
        <translation>作废批次 {number}</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PaymentBatches</name>
    <message>
        <source>Payment batch {id} does not exist.</source>
        <translation>发放批次 {id} 不存在。</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>under public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>notice ended</source>
        <translation>公示期满</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>sent to the bank</source>
        <translation>已报送银行</translation>
    </message>
    <message>
        <source>reconciled</source>
        <translation>已对账</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>in the batch</source>
        <translation>在批次中</translation>
    </message>
    <message>
        <source>taken out</source>
        <translation>已移出</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已到账</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Batch {number} is {state}; it cannot be {action} now.</source>
        <translation>批次 {number} {state}，现在不能{action}。</translation>
    </message>
    <message>
        <source>no bank account recorded</source>
        <translation>未登记银行账户</translation>
    </message>
    <message>
        <source>waiting for the in-post confirmation</source>
        <translation>待核验：尚未登记在岗确认</translation>
    </message>
    <message>
        <source>Nothing can be paid in a batch due by {date}: no instalment has fallen due, unpaid, confirmed in post and with a bank account.</source>
        <translation>截至 {date} 没有可纳入批次的款项：没有已到期、未支付、已核验在岗且登记了银行账户的分期。</translation>
    </message>
    <message>
        <source>The notice could not be written to {path}: {error}</source>
        <translation>无法写出公示文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{name}: the file must end with {suffixes}.</source>
        <translation>{name}：文件名须以 {suffixes} 结尾。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>published for notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>The notice lasts 1 to {n} working days.</source>
        <translation>公示期为 1 至 {n} 个工作日。</translation>
    </message>
    <message>
        <source>Say where to write the notice (.pdf and/or .xlsx).</source>
        <translation>请指定公示文件的保存位置（.pdf 和/或 .xlsx）。</translation>
    </message>
    <message>
        <source>The notice cannot start before the batch was made ({date}).</source>
        <translation>公示不能早于批次生成日期（{date}）开始。</translation>
    </message>
    <message>
        <source>{date} is not a working day; the notice can start on {next}.</source>
        <translation>{date} 不是工作日；公示可从 {next} 开始。</translation>
    </message>
    <message>
        <source>Batch {number} has nobody left in it.</source>
        <translation>批次 {number} 中已没有人员。</translation>
    </message>
    <message>
        <source>Batch {number} has not been published for notice yet.</source>
        <translation>批次 {number} 尚未公示。</translation>
    </message>
    <message>
        <source>objected to</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Write down what the objection says.</source>
        <translation>请写明异议内容。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>Talent {talent} is not in batch {number}.</source>
        <translation>{talent} 不在批次 {number} 中。</translation>
    </message>
    <message>
        <source>Objection upheld during the notice of {number}</source>
        <translation>批次 {number} 公示期间异议成立</translation>
    </message>
    <message>
        <source>You made batch {number}, so another person must approve it.</source>
        <translation>批次 {number} 是您生成的，须由他人审批。</translation>
    </message>
    <message>
        <source>Your account was created by the person who made batch {number}, so another person must approve it.</source>
        <translation>您的账户由批次 {number} 的生成人创建，须由他人审批。</translation>
    </message>
    <message>
        <source>Batch {number} has not been published for notice; it can be approved only after its notice has ended.</source>
        <translation>批次 {number} 尚未公示；公示期满后才能审批。</translation>
    </message>
    <message>
        <source>The notice of batch {number} runs until {end} ({left} working days left); it can be approved from {next} on.</source>
        <translation>批次 {number} 公示至 {end}（还剩 {left} 个工作日）；{next} 起方可审批。</translation>
    </message>
    <message>
        <source>Batch {number} was not approved; nothing was changed.</source>
        <translation>批次 {number} 未获审批；未作任何更改。</translation>
    </message>
    <message>
        <source>The layout {layout} writes {suffix} files; name the file with that ending.</source>
        <translation>格式“{layout}”生成 {suffix} 文件；请使用该扩展名。</translation>
    </message>
    <message>
        <source>No bank account is recorded for: {names}.</source>
        <translation>以下人员未登记银行账户：{names}。</translation>
    </message>
    <message>
        <source>The bank file could not be written to {path}: {error}</source>
        <translation>无法写出银行文件 {path}：{error}</translation>
    </message>
    <message>
        <source>Batch {number} is reconciled already: every line has its result. This return file was not read again.</source>
        <translation>批次 {number} 已对账：每一行都已有结果。未再次读取此回盘文件。</translation>
    </message>
    <message>
        <source>This return file belongs to batch {other}, not to batch {number}; nothing was changed.</source>
        <translation>此回盘文件属于批次 {other}，不属于批次 {number}；未作任何更改。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>{where}: line {line} is not a line sent in batch {number}</source>
        <translation>{where}：序号 {line} 不是批次 {number} 报送的行</translation>
    </message>
    <message>
        <source>{where}: line {line} appears twice (first on row {first})</source>
        <translation>{where}：序号 {line} 重复出现（首次在第 {first} 行）</translation>
    </message>
    <message>
        <source>{where}: line {line} already has its result ({status}) from an earlier return file</source>
        <translation>{where}：序号 {line} 已在之前的回盘中有结果（{status}）</translation>
    </message>
    <message>
        <source>{where}: line {line} says {amount}, but {sent} was sent</source>
        <translation>{where}：序号 {line} 金额为 {amount}，但报送的是 {sent}</translation>
    </message>
    <message>
        <source>{where}: line {line} has another account number than was sent</source>
        <translation>{where}：序号 {line} 的账号与报送的不同</translation>
    </message>
    <message>
        <source>{where}: line {line} names {name}, but {sent} was sent</source>
        <translation>{where}：序号 {line} 户名为 {name}，但报送的是 {sent}</translation>
    </message>
    <message>
        <source>The return file was refused, nothing was changed: {n} problems.</source>
        <translation>回盘文件被拒绝，未作任何更改：共 {n} 处问题。</translation>
    </message>
    <message>
        <source>The return file has no lines.</source>
        <translation>回盘文件中没有数据行。</translation>
    </message>
    <message>
        <source>The return file was refused, nothing was changed.</source>
        <translation>回盘文件被拒绝，未作任何更改。</translation>
    </message>
    <message>
        <source>(the bank gave no reason)</source>
        <translation>（银行未注明原因）</translation>
    </message>
    <message>
        <source>Bank return {number}: {reason}</source>
        <translation>银行回盘 {number}：{reason}</translation>
    </message>
    <message>
        <source>Line {id} does not exist.</source>
        <translation>明细行 {id} 不存在。</translation>
    </message>
    <message>
        <source>Only a failed line that has not been re-issued is corrected here.</source>
        <translation>只能更正发放失败且尚未重发的行。</translation>
    </message>
    <message>
        <source>corrected after the bank return of line {line}</source>
        <translation>根据银行回盘更正（序号 {line}）</translation>
    </message>
    <message>
        <source>Batch {number} has no failed line waiting to be re-issued.</source>
        <translation>批次 {number} 没有待重发的失败行。</translation>
    </message>
    <message>
        <source>re-issue of {number}</source>
        <translation>重发 {number}</translation>
    </message>
    <message>
        <source>None of the failed lines can be re-issued.</source>
        <translation>失败行均不能重发。</translation>
    </message>
    <message>
        <source>Say why the batch is cancelled.</source>
        <translation>请说明作废批次的原因。</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {error}</source>
        <translation>无法写出报告 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>PaymentCalendar</name>
    <message>
        <source>The calendar has no public holidays for {year}, so working days cannot be counted. Enter that year&apos;s holidays (and weekend working days) first.</source>
        <translation>日历中没有 {year} 年的法定节假日，无法计算工作日。请先录入该年的节假日（及周末调休上班日）。</translation>
    </message>
    <message>
        <source>Choose holiday or working day.</source>
        <translation>请选择节假日或工作日。</translation>
    </message>
    <message>
        <source>{day} is an ordinary day already.</source>
        <translation>{day} 已是普通日期。</translation>
    </message>
</context>
<context>
    <name>PaymentCli</name>
    <message>
        <source>Batch {number} (id {id}): {n} lines, {total}.</source>
        <translation>批次 {number}（编号 {id}）：{n} 行，合计 {total}。</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>未纳入：</translation>
    </message>
    <message>
        <source>Batch {number} is under public notice from {start} to {end} ({days} working days); notice written to {files}.</source>
        <translation>批次 {number} 公示期为 {start} 至 {end}（{days} 个工作日）；公示已写入 {files}。</translation>
    </message>
    <message>
        <source>Objection {id} against {talent} recorded; {outcome}.</source>
        <translation>已登记对 {talent} 的异议 {id}；{outcome}。</translation>
    </message>
    <message>
        <source>upheld: taken out of the batch</source>
        <translation>异议成立：已移出批次</translation>
    </message>
    <message>
        <source>not upheld</source>
        <translation>异议不成立</translation>
    </message>
    <message>
        <source>Batch {number} approved: {n} lines, {total}.</source>
        <translation>批次 {number} 已审批：{n} 行，合计 {total}。</translation>
    </message>
    <message>
        <source>Bank file of batch {number} ({layout}): {n} lines, {total}, written to {path}.</source>
        <translation>批次 {number} 的银行文件（{layout}）：{n} 行，合计 {total}，已写入 {path}。</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{paid} paid ({paid_total}), {failed} failed ({failed_total}).</source>
        <translation>成功 {paid} 笔（{paid_total}），失败 {failed} 笔（{failed_total}）。</translation>
    </message>
    <message>
        <source>The account of {talent} is now {account} at {bank} ({holder}).</source>
        <translation>{talent} 的账户已改为 {bank} {account}（户名 {holder}）。</translation>
    </message>
    <message>
        <source>Batch {number} (id {id}) re-issues {n} lines, {total}.</source>
        <translation>批次 {number}（编号 {id}）重发 {n} 行，合计 {total}。</translation>
    </message>
    <message>
        <source>Report written to {path}: sent {sent}, paid {paid}, failed {failed}, outstanding {outstanding}.</source>
        <translation>报告已写入 {path}：报送 {sent}，到账 {paid}，失败 {failed}，未结 {outstanding}。</translation>
    </message>
    <message>
        <source>Notice written to {path}.</source>
        <translation>公示已写入 {path}。</translation>
    </message>
    <message>
        <source>Batch {number} cancelled.</source>
        <translation>批次 {number} 已作废。</translation>
    </message>
    <message>
        <source>Objection from {date} about {talent}: {note} ({outcome})</source>
        <translation>{date} 关于 {talent} 的异议：{note}（{outcome}）</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Sent {sent}, paid {paid}, failed {failed}, awaiting {awaiting}, outstanding {outstanding}.</source>
        <translation>报送 {sent}，到账 {paid}，失败 {failed}，待回盘 {awaiting}，未结 {outstanding}。</translation>
    </message>
    <message>
        <source>No payment batch yet.</source>
        <translation>还没有发放批次。</translation>
    </message>
    <message>
        <source>Nobody is waiting for the in-post confirmation (instalments due by {date}).</source>
        <translation>没有待在岗核验的人员（截至 {date} 到期的分期）。</translation>
    </message>
    <message>
        <source>{talents} talents confirmed in post ({n} confirmations); {inst} instalments are no longer waiting.</source>
        <translation>已确认 {talents} 名人才在岗（{n} 条核验记录）；{inst} 笔分期不再待核验。</translation>
    </message>
    <message>
        <source>{talent} recorded as gone: departure recorded, clawback owed {amount}.</source>
        <translation>{talent} 已登记为不在岗：已登记离开，应追回 {amount}。</translation>
    </message>
    <message>
        <source>{n} confirmation forms written to {path}.</source>
        <translation>{n} 份在岗情况确认表已写入 {path}。</translation>
    </message>
    <message>
        <source>{policy}: verification rule {rule}.</source>
        <translation>{policy}：在岗核验规则 {rule}。</translation>
    </message>
    <message>
        <source>No bank account is recorded.</source>
        <translation>未登记银行账户。</translation>
    </message>
    <message>
        <source>{n} bank accounts imported ({valid} of {total} rows valid).</source>
        <translation>已导入 {n} 个银行账户（{total} 行中 {valid} 行有效）。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>Layout {name} created (id {id}).</source>
        <translation>已创建格式 {name}（编号 {id}）。</translation>
    </message>
    <message>
        <source>{path} is not a readable JSON file: {error}</source>
        <translation>{path} 不是可读取的 JSON 文件：{error}</translation>
    </message>
    <message>
        <source>{path} is not a layout (a JSON object).</source>
        <translation>{path} 不是格式定义（应为 JSON 对象）。</translation>
    </message>
    <message>
        <source>Layout {name} saved.</source>
        <translation>格式 {name} 已保存。</translation>
    </message>
    <message>
        <source>No public holidays are entered for {year}.</source>
        <translation>{year} 年尚未录入法定节假日。</translation>
    </message>
    <message>
        <source>{day} is an ordinary day again.</source>
        <translation>{day} 已恢复为普通日期。</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴政策</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>核验期间</translation>
    </message>
    <message>
        <source>In post?</source>
        <translation>是否在岗</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>□ yes  □ no</source>
        <translation>□是  □否</translation>
    </message>
    <message>
        <source>Confirmation of talents in post</source>
        <translation>在岗情况确认表</translation>
    </message>
    <message>
        <source>Employer: {employer}</source>
        <translation>单位：{employer}</translation>
    </message>
    <message>
        <source>The {office} asks the employer to confirm whether each person below is still working in post, tick one box per line, sign, stamp and return this form.</source>
        <translation>{office}请用人单位逐一确认下列人员是否仍在岗工作，每行勾选一项，签字盖章后交回本表。</translation>
    </message>
    <message>
        <source>Person in charge (signature): ______________&#x3000;&#x3000;Date: ______________&#x3000;&#x3000;(Employer&apos;s seal)</source>
        <translation>单位负责人（签字）：______________&#x3000;&#x3000;日期：______________&#x3000;&#x3000;（单位盖章）</translation>
    </message>
    <message>
        <source>Printed on {date}. Recorded by the talent office on: ______________ by ______________</source>
        <translation>打印日期：{date}。人才办登记日期：______________&#x3000;登记人：______________</translation>
    </message>
</context>
<context>
    <name>PaymentLookup</name>
    <message>
        <source>Name the employer.</source>
        <translation>请指定单位。</translation>
    </message>
    <message>
        <source>No employer is called {name}.</source>
        <translation>没有名为 {name} 的单位。</translation>
    </message>
    <message>
        <source>{name} names several employers: {names}. Give its number.</source>
        <translation>“{name}”对应多个单位：{names}。请给出单位编号。</translation>
    </message>
    <message>
        <source>Name the talent.</source>
        <translation>请指定人才。</translation>
    </message>
    <message>
        <source>No talent is called or numbered {name}.</source>
        <translation>没有姓名或编号为 {name} 的人才。</translation>
    </message>
    <message>
        <source>Several talents are called {name} ({ids}); give the number or the ID number.</source>
        <translation>有多名人才叫 {name}（{ids}）；请给出编号或身份证号。</translation>
    </message>
</context>
<context>
    <name>PaymentNotice</name>
    <message>
        <source>{office}, in person, in writing or by telephone, on working days</source>
        <translation>{office}（工作日内可来访、来信或来电）</translation>
    </message>
    <message>
        <source>Public notice of talent subsidies to be paid ({number})</source>
        <translation>人才补贴拟发放名单公示（{number}）</translation>
    </message>
    <message>
        <source>Under the talent policies of the county, the {office} intends to pay the following {n} subsidies, {total} in all. They are made public for comment.</source>
        <translation>根据本县人才政策，{office}拟发放以下 {n} 笔人才补贴，共计 {total}，现予以公示，接受社会监督。</translation>
    </message>
    <message>
        <source>Notice period: from {start} to {end} ({days} working days; public holidays are not counted).</source>
        <translation>公示期：{start}至{end}（{days} 个工作日，法定节假日不计）。</translation>
    </message>
    <message>
        <source>Anyone who objects may say so within the notice period, with their name and the facts, to: {contact}. Objections are checked and answered; names of those who object are kept confidential.</source>
        <translation>对公示内容有异议的，请于公示期内以真实姓名并附具体事实向以下单位反映：{contact}。异议将予以核实答复，并为反映人保密。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴政策</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
</context>
<context>
    <name>PaymentReport</name>
    <message>
        <source>In the batch</source>
        <translation>批次内（不含移出）</translation>
    </message>
    <message>
        <source>Taken out (objections, departures)</source>
        <translation>移出（异议、离开）</translation>
    </message>
    <message>
        <source>Sent to the bank</source>
        <translation>报送银行</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>到账</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Awaiting the bank&apos;s result</source>
        <translation>待银行回盘</translation>
    </message>
    <message>
        <source>Failed and re-issued</source>
        <translation>失败后已重发</translation>
    </message>
    <message>
        <source>Re-issued and paid</source>
        <translation>重发后已到账</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Reconciliation of payment batch {number}</source>
        <translation>发放批次 {number} 对账报告</translation>
    </message>
    <message>
        <source>{office} — status: {status}; bank file layout: {layout}; date: {date}</source>
        <translation>{office} — 状态：{status}；银行文件格式：{layout}；日期：{date}</translation>
    </message>
    <message>
        <source>This batch re-issues the failed lines of batch {number}.</source>
        <translation>本批次为批次 {number} 失败行的重发。</translation>
    </message>
    <message>
        <source>Check: sent = paid + failed + awaiting — {result}.</source>
        <translation>核对：报送 = 到账 + 失败 + 待回盘 — {result}。</translation>
    </message>
    <message>
        <source>balanced to the fen</source>
        <translation>分毫不差</translation>
    </message>
    <message>
        <source>DOES NOT BALANCE</source>
        <translation>不平衡</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴政策</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Failure reason</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Re-issued in</source>
        <translation>重发批次</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第 {n} 页</translation>
    </message>
    <message>
        <source>Paid in words: RMB {capitals}</source>
        <translation>到账金额大写：人民币{capitals}</translation>
    </message>
    <message>
        <source>Prepared by: ____________</source>
        <translation>制表：____________</translation>
    </message>
    <message>
        <source>Checked by: ____________</source>
        <translation>复核：____________</translation>
    </message>
</context>
<context>
    <name>Verification</name>
    <message>
        <source>The confirmation date cannot be in the future.</source>
        <translation>确认日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Nobody in this choice is waiting for the in-post confirmation (instalments due by {date}).</source>
        <translation>所选范围内没有待在岗核验的人员（截至 {date} 到期的分期）。</translation>
    </message>
    <message>
        <source>Talent {id} does not exist.</source>
        <translation>人才 {id} 不存在。</translation>
    </message>
    <message>
        <source>The verification rule is none, yearly or each.</source>
        <translation>在岗核验规则应为 none（不核验）、yearly（每年）或 each（每期）。</translation>
    </message>
    <message>
        <source>Policy {id} does not exist.</source>
        <translation>政策 {id} 不存在。</translation>
    </message>
    <message>
        <source>Nobody is waiting for the in-post confirmation (instalments due by {date}).</source>
        <translation>没有待在岗核验的人员（截至 {date} 到期的分期）。</translation>
    </message>
    <message>
        <source>(no employer)</source>
        <translation>（无单位）</translation>
    </message>
    <message>
        <source>The form could not be written to {path}: {error}</source>
        <translation>无法写出确认表 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>VerificationPage</name>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>核验期间</translation>
    </message>
    <message>
        <source>Print confirmation forms…</source>
        <translation>打印在岗情况确认表…</translation>
    </message>
    <message>
        <source>Confirmed in post (selected)</source>
        <translation>确认在岗（所选）</translation>
    </message>
    <message>
        <source>Not in post…</source>
        <translation>不在岗…</translation>
    </message>
    <message>
        <source>Policy rule…</source>
        <translation>政策核验规则…</translation>
    </message>
    <message>
        <source>Instalments due by</source>
        <translation>分期到期截至</translation>
    </message>
    <message>
        <source>In-post confirmation</source>
        <translation>在岗核验</translation>
    </message>
    <message>
        <source>A policy may ask the employer to confirm, once a year or before each instalment, that the talent is still in post; until then the instalment waits and stays out of payment batches. Someone no longer in post is recorded as departed (clawback by the policy&apos;s rule).</source>
        <translation>政策可要求用人单位每年或每期发放前确认人才仍在岗；确认前该分期为“待核验”，不纳入发放批次。已不在岗的人员登记为离开（按政策规则追回）。</translation>
    </message>
    <message>
        <source>{n} instalments of {t} talents wait</source>
        <translation>待核验：{t} 人 {n} 笔</translation>
    </message>
    <message>
        <source>Save the confirmation forms</source>
        <translation>保存在岗情况确认表</translation>
    </message>
    <message>
        <source>in-post-confirmation.pdf</source>
        <translation>在岗情况确认表.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Select the talents the employer confirmed in post (the signed form).</source>
        <translation>请选择用人单位（签章确认表）确认在岗的人员。</translation>
    </message>
    <message>
        <source>Not in post</source>
        <translation>不在岗</translation>
    </message>
    <message>
        <source>Select one talent.</source>
        <translation>请选择一名人才。</translation>
    </message>
    <message>
        <source>{name} is not in post</source>
        <translation>{name} 不在岗</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>离开原因</translation>
    </message>
    <message>
        <source>What the employer said</source>
        <translation>单位反馈</translation>
    </message>
    <message>
        <source>The departure is recorded: future instalments stop, unpaid payment orders are withdrawn, and the clawback is posted by the policy&apos;s rule.</source>
        <translation>将登记离开：停止后续分期，撤回未支付的付款单，并按政策规则记入应追回金额。</translation>
    </message>
    <message>
        <source>In-post confirmation per policy</source>
        <translation>政策在岗核验规则</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>核验方式</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不核验</translation>
    </message>
    <message>
        <source>once a year</source>
        <translation>每年一次</translation>
    </message>
    <message>
        <source>before each instalment</source>
        <translation>每期发放前</translation>
    </message>
</context>
</TS>
