<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Approvals</name>
    <message>
        <source>Request {id} is waiting for approval by another account: {summary}</source>
        <translation>申请 {id} 正在等待另一个账号批准：{summary}</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Waiver</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>新增补贴</translation>
    </message>
    <message>
        <source>Suspend grant</source>
        <translation>暂停补贴</translation>
    </message>
    <message>
        <source>Resume grant</source>
        <translation>恢复补贴</translation>
    </message>
    <message>
        <source>Terminate grant</source>
        <translation>终止补贴</translation>
    </message>
    <message>
        <source>Policy amounts</source>
        <translation>政策金额</translation>
    </message>
    <message>
        <source>This request cannot be carried out.</source>
        <translation>此申请无法执行。</translation>
    </message>
    <message>
        <source>You asked for this yourself, so another person must approve it.</source>
        <translation>这是您自己提出的申请，必须由另一个人批准。</translation>
    </message>
    <message>
        <source>Your account was created by the person who asked for this, so another person must approve it.</source>
        <translation>您的账号是申请人创建的，必须由另一个人批准。</translation>
    </message>
    <message>
        <source>Request {id} does not exist.</source>
        <translation>申请 {id} 不存在。</translation>
    </message>
    <message>
        <source>Request {id} has already been decided.</source>
        <translation>申请 {id} 已经处理过了。</translation>
    </message>
    <message>
        <source>Say why the request is rejected.</source>
        <translation>请说明驳回申请的原因。</translation>
    </message>
    <message>
        <source>Only the person who asked can withdraw a request.</source>
        <translation>只有申请人本人可以撤回申请。</translation>
    </message>
    <message>
        <source>grant &quot;{policy}&quot; ({amount}) to {talent}</source>
        <translation>向 {talent} 发放“{policy}”（{amount}）</translation>
    </message>
    <message>
        <source>{action}: grant {grant} (&quot;{policy}&quot;) {reason}</source>
        <translation>{action}：补贴 {grant}（“{policy}”）{reason}</translation>
    </message>
    <message>
        <source>reverse entry {id} ({kind}, {amount}): {reason}</source>
        <translation>冲销分录 {id}（{kind}，{amount}）：{reason}</translation>
    </message>
    <message>
        <source>waive {amount} owed on grant {grant}: {reason}</source>
        <translation>减免补贴 {grant} 的应退款 {amount}：{reason}</translation>
    </message>
    <message>
        <source>policy &quot;{name}&quot;: amounts or clawback rule</source>
        <translation>政策“{name}”：金额或追缴规则</translation>
    </message>
    <message>
        <source>Request filed</source>
        <translation>已提交申请</translation>
    </message>
    <message>
        <source>Request {id} is waiting for approval by another account (ledger tab, Requests): {summary}</source>
        <translation>申请 {id} 正在等待另一个账号批准（补贴台账页签，待审批申请）：{summary}</translation>
    </message>
</context>
<context>
    <name>Budgets</name>
    <message>
        <source>{kind}: {paid} paid in {year} with no budget set.</source>
        <translation>{kind}：{year} 年已付 {paid}，但没有编列预算。</translation>
    </message>
    <message>
        <source>{kind}: {paid} paid, {over} more than the budget of {budget}.</source>
        <translation>{kind}：已付 {paid}，超出预算 {budget} 共 {over}。</translation>
    </message>
    <message>
        <source>Choose the kind of subsidy.</source>
        <translation>请选择补贴类型。</translation>
    </message>
    <message>
        <source>The fiscal year must be between 2000 and 2100.</source>
        <translation>预算年度须在2000至2100之间。</translation>
    </message>
    <message>
        <source>The budget cannot be negative.</source>
        <translation>预算不能为负数。</translation>
    </message>
</context>
<context>
    <name>BudgetsPage</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Budgeted</source>
        <translation>预算数</translation>
    </message>
    <message>
        <source>Committed (scheduled)</source>
        <translation>已承诺（按计划）</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Remaining (budget − paid)</source>
        <translation>结余（预算 − 已付）</translation>
    </message>
    <message>
        <source>Still free to promise</source>
        <translation>尚可承诺</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Set budget</source>
        <translation>设定预算</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>预算年度</translation>
    </message>
    <message>
        <source>Already owed under current grants in the coming three years (as of {date})</source>
        <translation>现有核定在今后三年内应付金额（截至{date}）</translation>
    </message>
    <message>
        <source>Three years</source>
        <translation>三年合计</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <source>Subsidy Payment Certificate</source>
        <translation>人才补贴发放凭证</translation>
    </message>
    <message>
        <source>Serial No.</source>
        <translation>凭证编号</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴项目</translation>
    </message>
    <message>
        <source>Document No.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>发放期次</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第{n}期／共{total}期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额（小写）</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>金额大写</translation>
    </message>
    <message>
        <source>RMB </source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Accounting voucher</source>
        <translation>记账凭证号</translation>
    </message>
    <message>
        <source>This certificate is issued by the office named above. To check that it is genuine, scan the code, or give its serial number to that office.</source>
        <translation>本凭证由上述单位开具。如需查验真伪，请扫描二维码，或将凭证编号告知开具单位核验。</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>(Seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation>经办：</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>复核：</translation>
    </message>
    <message>
        <source>Scan to verify</source>
        <translation>扫码验真</translation>
    </message>
    <message>
        <source>COPY — reprint {n}</source>
        <translation>副本（第{n}次补打）</translation>
    </message>
    <message>
        <source>Office key {fp} · Chain head {head}</source>
        <translation>单位密钥 {fp} · 链头 {head}</translation>
    </message>
    <message>
        <source>Printing was cancelled; no file was written.</source>
        <translation>打印已取消，未生成文件。</translation>
    </message>
</context>
<context>
    <name>CertificateChoiceDialog</name>
    <message>
        <source>Print certificates</source>
        <translation>打印发放凭证</translation>
    </message>
    <message>
        <source>The {n} selected payments</source>
        <translation>所选的{n}笔发放记录</translation>
    </message>
    <message>
        <source>Every payment of the year</source>
        <translation>该年度全部发放记录</translation>
    </message>
    <message>
        <source>Send to a printer afterwards</source>
        <translation>生成后送打印机</translation>
    </message>
    <message>
        <source>Keep a PDF file</source>
        <translation>同时保存 PDF 文件</translation>
    </message>
    <message>
        <source>A first print takes a new serial number; a reprint is marked as a copy and counted.</source>
        <translation>首次打印将编发新的凭证编号；补打的凭证标注为副本并计数。</translation>
    </message>
</context>
<context>
    <name>Certificates</name>
    <message>
        <source>The serial numbers of {year} are used up.</source>
        <translation>{year}年度的凭证编号已用完。</translation>
    </message>
    <message>
        <source>No certificate can be printed for entry {ids}: only payments that stand (not reversed) have certificates.</source>
        <translation>分录{ids}无法打印凭证：只有有效（未冲销）的发放记录才有凭证。</translation>
    </message>
    <message>
        <source>Choose the payments: give entry numbers or a year.</source>
        <translation>请指定发放记录：分录号或年度。</translation>
    </message>
    <message>
        <source>There are no payments to print.</source>
        <translation>没有可打印的发放记录。</translation>
    </message>
    <message>
        <source>At most {n} certificates can be printed at once; choose a smaller selection.</source>
        <translation>一次最多打印{n}份凭证，请缩小选择范围。</translation>
    </message>
    <message>
        <source>The certificates could not be written to {path}: {error}</source>
        <translation>凭证无法写入{path}：{error}</translation>
    </message>
    <message>
        <source>Not genuine: this is not the text of a TalentDesk certificate code.</source>
        <translation>非真实凭证：这不是本系统凭证二维码的内容。</translation>
    </message>
    <message>
        <source>Not genuine: no certificate with serial {serial} was issued by this office.</source>
        <translation>非真实凭证：本办未开具编号为{serial}的凭证。</translation>
    </message>
    <message>
        <source>The certificate&apos;s ledger entry is missing.</source>
        <translation>凭证对应的台账分录缺失。</translation>
    </message>
    <message>
        <source>This certificate was printed before certificates were signed: it can only be checked in the office&apos;s database.</source>
        <translation>这张凭证是在启用签名之前打印的，只能在本单位的数据库中核验。</translation>
    </message>
    <message>
        <source>Not genuine for this office: the code names office key {fp}, the key given is {given}.</source>
        <translation>不是本单位的凭证：二维码注明的单位密钥为 {fp}，所给公钥为 {given}。</translation>
    </message>
    <message>
        <source>Genuine signature of office key {fp}: serial {serial}, amount {amount}, paid on {date}.</source>
        <translation>单位密钥 {fp} 的签名真实有效：凭证编号 {serial}，金额 {amount}，支付日期 {date}。</translation>
    </message>
    <message>
        <source>Not genuine / altered: the code does not match certificate {serial} as issued.</source>
        <translation>非真实凭证或已被篡改：二维码与所开具的凭证{serial}不符。</translation>
    </message>
    <message>
        <source>Certificate {serial} was printed before certificates were signed, and its old key is not on this PC: check it on the office PC, or import the office key here.</source>
        <translation>凭证 {serial} 是在启用签名之前打印的，本机没有它的旧密钥：请在单位的电脑上核验，或在本机导入单位密钥。</translation>
    </message>
    <message>
        <source>Issued by this office, but no longer valid: the payment was reversed on {date}.</source>
        <translation>该凭证确由本办开具，但已失效：该笔发放已于{date}冲销。</translation>
    </message>
    <message>
        <source>Genuine: serial {serial}, talent {talent}, amount {amount}, paid on {date}.</source>
        <translation>真实有效：凭证编号 {serial}，人才 {talent}，金额 {amount}，发放日期 {date}。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Give --year YYYY or at least one --entry ID.</source>
        <translation>请指定 --year 年度，或至少一个 --entry 分录号。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹{folder}不存在。</translation>
    </message>
    <message>
        <source>{pages} certificates ({originals} first prints, {copies} copies) written to {path}.</source>
        <translation>已生成{pages}份凭证（首次打印{originals}份，副本{copies}份），保存至{path}。</translation>
    </message>
    <message>
        <source>No key password: set TALENTDESK_KEY_PASSWORD or run the command in a terminal to be asked.</source>
        <translation>没有密钥密码：请设置 TALENTDESK_KEY_PASSWORD，或在终端中运行命令以便输入。</translation>
    </message>
    <message>
        <source>Password for the key file: </source>
        <translation>密钥文件的密码：</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>No password was entered.</source>
        <translation>没有输入密码。</translation>
    </message>
    <message>
        <source>This database has no office key yet: it is made when the first certificate is printed.</source>
        <translation>此数据库还没有单位密钥：打印第一张凭证时会自动生成。</translation>
    </message>
    <message>
        <source>encrypted for this Windows user (DPAPI)</source>
        <translation>已为当前 Windows 用户加密保存（DPAPI）</translation>
    </message>
    <message>
        <source>in the system keyring</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>in a file in the data folder readable only by this user (no system keyring is available)</source>
        <translation>保存在数据文件夹中一个只有本用户可读的文件里（本机没有可用的系统钥匙串）</translation>
    </message>
    <message>
        <source>Office key {fp}. On this PC: {here}.</source>
        <translation>单位密钥 {fp}。本机：{here}。</translation>
    </message>
    <message>
        <source>missing — import it with talentdesk key import</source>
        <translation>没有——请用 talentdesk key import 导入</translation>
    </message>
    <message>
        <source>Public key {fp} written to {path}.</source>
        <translation>公钥 {fp} 已写入 {path}。</translation>
    </message>
    <message>
        <source>Office key {fp} written to {path}, protected by the password. Keep the file and the password in separate safe places.</source>
        <translation>单位密钥 {fp} 已写入 {path}，受密码保护。请把文件和密码分开妥善保管。</translation>
    </message>
    <message>
        <source>Office key {fp} is installed on this PC.</source>
        <translation>单位密钥 {fp} 已安装到本机。</translation>
    </message>
    <message>
        <source>Entry {id} reversed.</source>
        <translation>分录 {id} 已冲销。</translation>
    </message>
    <message>
        <source>Obligation on grant {id} waived.</source>
        <translation>补贴 {id} 的应退款已减免。</translation>
    </message>
    <message>
        <source>No request is waiting for approval.</source>
        <translation>没有等待批准的申请。</translation>
    </message>
    <message>
        <source>Request {id}: {status}.</source>
        <translation>申请 {id}：{status}。</translation>
    </message>
</context>
<context>
    <name>DuePage</name>
    <message>
        <source>Due date</source>
        <translation>应付日期</translation>
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
        <source>Payment order</source>
        <translation>付款单</translation>
    </message>
    <message>
        <source>Waiting for in-post confirmation</source>
        <translation>待核验</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>Record payment orders for selected</source>
        <translation>为所选录入付款单</translation>
    </message>
    <message>
        <source>Due this month: {n} instalments, {total}</source>
        <translation>本月应付：{n}笔，共{total}</translation>
    </message>
    <message>
        <source>Overdue: {n} instalments, {total}</source>
        <translation>逾期未付：{n}笔，共{total}</translation>
    </message>
    <message>
        <source>Record payment orders</source>
        <translation>录入付款单</translation>
    </message>
    <message>
        <source>Select the instalments first.</source>
        <translation>请先选择分期。</translation>
    </message>
</context>
<context>
    <name>EntriesPage</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>All policies</source>
        <translation>全部政策</translation>
    </message>
    <message>
        <source>All employers</source>
        <translation>全部用人单位</translation>
    </message>
    <message>
        <source>Any grant status</source>
        <translation>全部核定状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Talent: name or pinyin</source>
        <translation>人才：姓名或拼音</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲销分录号</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Reverse entry…</source>
        <translation>冲销分录…</translation>
    </message>
    <message>
        <source>Talent statement</source>
        <translation>个人台账</translation>
    </message>
    <message>
        <source>Print certificates for selected payments…</source>
        <translation>为所选发放记录打印凭证…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Due {due} − paid {paid} − clawback {claw} + refunded {refund} + waived or lapsed {waived} = balance {bal}</source>
        <translation>应付 {due} − 已付 {paid} − 追回 {claw} + 已退回 {refund} + 减免或注销 {waived} = 余额 {bal}</translation>
    </message>
    <message>
        <source>Reverse entry</source>
        <translation>冲销分录</translation>
    </message>
    <message>
        <source>Select the one entry to reverse.</source>
        <translation>请选择要冲销的一条分录。</translation>
    </message>
    <message>
        <source>Entry {id}: {kind} {amount} for {talent}. A reversal of the opposite amount is added; the entry itself stays in the ledger.</source>
        <translation>分录{id}：{talent}，{kind} {amount}。将登记一笔金额相反的冲销分录，原分录仍保留在台账中。</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Grant a subsidy</source>
        <translation>核定补贴</translation>
    </message>
    <message>
        <source>Leave empty to use the policy&apos;s amount</source>
        <translation>留空则按政策标准</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>First instalment on</source>
        <translation>首期发放日期</translation>
    </message>
    <message>
        <source>Approved total (yuan)</source>
        <translation>核定总额（元）</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>核定</translation>
    </message>
    <message>
        <source>Eligible. Amount under the policy: {amount}.</source>
        <translation>符合条件。按政策核定金额：{amount}。</translation>
    </message>
    <message>
        <source>Choose a talent and a policy.</source>
        <translation>请选择人才和政策。</translation>
    </message>
</context>
<context>
    <name>Grants</name>
    <message>
        <source>Grant {id} does not exist.</source>
        <translation>核定记录{id}不存在。</translation>
    </message>
    <message>
        <source>{talent} already holds &quot;{policy}&quot;.</source>
        <translation>{talent}已享受“{policy}”。</translation>
    </message>
    <message>
        <source>No double benefit: &quot;{policy}&quot; excludes &quot;{other}&quot;, which {talent} already holds.</source>
        <translation>不得重复享受：“{policy}”与“{other}”互斥，{talent}已享受后者。</translation>
    </message>
    <message>
        <source>Talent {id} does not exist.</source>
        <translation>人才{id}不存在。</translation>
    </message>
    <message>
        <source>&quot;{policy}&quot; cannot be granted to {talent}.</source>
        <translation>不能为{talent}核定“{policy}”。</translation>
    </message>
    <message>
        <source>The approved total must be greater than zero.</source>
        <translation>核定总额必须大于零。</translation>
    </message>
    <message>
        <source>Give a reason; it is kept with the grant.</source>
        <translation>请填写理由，理由将随核定记录保存。</translation>
    </message>
    <message>
        <source>The reason is too long (at most 200 characters).</source>
        <translation>理由过长（最多200个字符）。</translation>
    </message>
    <message>
        <source>Only an active grant can be suspended.</source>
        <translation>只有执行中的核定才能暂停。</translation>
    </message>
    <message>
        <source>Only a suspended grant can be resumed.</source>
        <translation>只有已暂停的核定才能恢复。</translation>
    </message>
    <message>
        <source>{talent} has left the county; the grant cannot be resumed.</source>
        <translation>{talent}已离开本县，核定不能恢复。</translation>
    </message>
    <message>
        <source>This grant has already ended.</source>
        <translation>该核定已结束。</translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <source>The payment history is written as .xlsx.</source>
        <translation>发放记录只能导出为 .xlsx 文件。</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <source>The file could not be written to {path}: {error}</source>
        <translation>无法写入文件 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Talent {id} does not exist.</source>
        <translation>人才{id}不存在。</translation>
    </message>
    <message>
        <source>{talent} has not left the county; no clawback applies.</source>
        <translation>{talent}未离开本县，不涉及追回。</translation>
    </message>
    <message>
        <source>The talent left the county on {date}</source>
        <translation>人才已于{date}离开本县</translation>
    </message>
    <message>
        <source>Unpaid instalments lapse on departure</source>
        <translation>离开本县，未付分期不再发放</translation>
    </message>
    <message>
        <source>Left before the service commitment ended ({rule})</source>
        <translation>服务期未满离开（{rule}）</translation>
    </message>
    <message>
        <source>Say why the entry is reversed; the reason stays in the ledger.</source>
        <translation>请说明冲销原因，原因将保留在台账中。</translation>
    </message>
    <message>
        <source>Ledger entry {id} does not exist.</source>
        <translation>台账分录{id}不存在。</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed; record a new entry instead.</source>
        <translation>冲销分录不能再被冲销，请另行登记新的分录。</translation>
    </message>
    <message>
        <source>Entry {id} has already been reversed.</source>
        <translation>分录{id}已被冲销。</translation>
    </message>
    <message>
        <source>A reversal cannot be dated before the entry it reverses.</source>
        <translation>冲销日期不能早于被冲销分录的日期。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>应付与逾期</translation>
    </message>
    <message>
        <source>Payment orders</source>
        <translation>付款审批</translation>
    </message>
    <message>
        <source>Talent statement</source>
        <translation>个人台账</translation>
    </message>
    <message>
        <source>Policies and grants</source>
        <translation>政策与核定</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>年度预算</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Requests waiting for approval</source>
        <translation>待审批申请</translation>
    </message>
    <message>
        <source>Print certificates…</source>
        <translation>打印凭证…</translation>
    </message>
    <message>
        <source>Verify a certificate…</source>
        <translation>凭证验真…</translation>
    </message>
    <message>
        <source>Save certificates</source>
        <translation>保存凭证</translation>
    </message>
    <message>
        <source>certificates.pdf</source>
        <translation>补贴发放凭证.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Subsidy payment certificates</source>
        <translation>补贴发放凭证</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>打印发放凭证</translation>
    </message>
    <message>
        <source>{pages} certificates ({originals} first prints, {copies} copies) written to {path}.</source>
        <translation>已生成{pages}份凭证（首次打印{originals}份，副本{copies}份），保存至{path}。</translation>
    </message>
    <message>
        <source>Printing certificates…</source>
        <translation>正在打印凭证…</translation>
    </message>
</context>
<context>
    <name>MarkPaidDialog</name>
    <message>
        <source>Mark paid</source>
        <translation>登记已付</translation>
    </message>
    <message>
        <source>e.g. 记-202611-0012</source>
        <translation>如 记-202611-0012</translation>
    </message>
    <message>
        <source>{n} payment orders, {total} in all.</source>
        <translation>{n}张付款单，合计{total}。</translation>
    </message>
    <message>
        <source>Voucher No.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
</context>
<context>
    <name>MoveIn</name>
    <message>
        <source>Column</source>
        <translation>列名</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Also read as</source>
        <translation>也可写作</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Unknown file kind “{kind}”; the kinds are {kinds}.</source>
        <translation>未知的文件类型“{kind}”；可选类型为 {kinds}。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>The template could not be written to {path}: {error}</source>
        <translation>无法将模板写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>MoveInCommands</name>
    <message>
        <source>row {row}, {column}: {message}</source>
        <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
        <source>note, row {row}: {message}</source>
        <translation>提示，第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Rows hidden in Excel, imported as chosen: {rows}.</source>
        <translation>Excel 中隐藏的行已按选择导入：第 {rows} 行。</translation>
    </message>
    <message>
        <source>Rows hidden in Excel, left out as chosen: {rows}.</source>
        <translation>Excel 中隐藏的行已按选择不导入：第 {rows} 行。</translation>
    </message>
    <message>
        <source>Rows hidden in Excel: {rows}. Choose --hidden-rows include or --hidden-rows skip.</source>
        <translation>Excel 中隐藏的行：第 {rows} 行。请选择 --hidden-rows include 或 --hidden-rows skip。</translation>
    </message>
    <message>
        <source>Dry run: {ok} rows would be imported, {bad} rows refused; nothing was changed.</source>
        <translation>试运行：可导入 {ok} 行，拒绝 {bad} 行；未做任何修改。</translation>
    </message>
    <message>
        <source>Imported {n} {what} ({bad} rows skipped as invalid).</source>
        <translation>已导入 {n} 条{what}（跳过无效行 {bad} 行）。</translation>
    </message>
    <message>
        <source>Nothing was imported: {bad} rows were refused. Correct them, or use --skip-invalid to import only the valid rows.</source>
        <translation>未导入任何数据：有 {bad} 行被拒绝。请更正，或使用 --skip-invalid 只导入有效行。</translation>
    </message>
    <message>
        <source>The file has no data rows; nothing was imported.</source>
        <translation>文件中没有数据行；未导入任何数据。</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>{year}  {policy}: {n} payments {paid}; dues {dues}; clawbacks {claw}; refunds {refund}</source>
        <translation>{year}年  {policy}：发放 {n} 笔 {paid}；应发 {dues}；追回 {claw}；退款 {refund}</translation>
    </message>
    <message>
        <source>Total paid: {n} payments, {paid}.</source>
        <translation>发放合计：{n} 笔，{paid}。</translation>
    </message>
    <message>
        <source>policies</source>
        <translation>项政策</translation>
    </message>
    <message>
        <source>pairings</source>
        <translation>条结对</translation>
    </message>
    <message>
        <source>care cases</source>
        <translation>条关爱服务记录</translation>
    </message>
    <message>
        <source>The {kind} template is written to {path}.</source>
        <translation>{kind} 模板已写入 {path}。</translation>
    </message>
    <message>
        <source>{n} rows of payment history written to {path}.</source>
        <translation>已将 {n} 行发放记录写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>{n} done.</source>
        <translation>已完成{n}笔。</translation>
    </message>
    <message>
        <source>{n} refused:</source>
        <translation>{n}笔未办理：</translation>
    </message>
</context>
<context>
    <name>PaymentImport</name>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何修改。</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查各行</translation>
    </message>
    <message>
        <source>Close matches: {names}.</source>
        <translation>相近的有：{names}。</translation>
    </message>
    <message>
        <source>No policy is called “{name}”; import the policy table first.</source>
        <translation>没有名为“{name}”的政策；请先导入政策表。</translation>
    </message>
    <message>
        <source>The document number {doc} is not the one of “{name}”.</source>
        <translation>文号 {doc} 不是“{name}”的文号。</translation>
    </message>
    <message>
        <source>Several policies share the document number {doc}; name the policy in the policy column: {names}.</source>
        <translation>多项政策共用文号 {doc}；请在补贴项目列写明政策名称：{names}。</translation>
    </message>
    <message>
        <source>No policy has the document number {doc}; import the policy table first.</source>
        <translation>没有文号为 {doc} 的政策；请先导入政策表。</translation>
    </message>
    <message>
        <source>Name the policy (its name or 文号).</source>
        <translation>请写明政策（名称或文号）。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of entry; write 发放 for a payment, 应追回 for an amount the talent owes back, 追回 / 退回 for money paid back, or 免于追回 for an amount forgiven.</source>
        <translation>“{value}”不是款项类型；发放写“发放”，人才应退还的金额写“应追回”，已退回的款项写“追回”或“退回”，免予追回的金额写“免于追回”。</translation>
    </message>
    <message>
        <source>A payment cannot be negative; for money paid back write 退回 in the “{column}” column.</source>
        <translation>发放金额不能为负数；已退回的款项请在“{column}”列写“退回”。</translation>
    </message>
    <message>
        <source>The paid date is missing.</source>
        <translation>缺少发放日期。</translation>
    </message>
    <message>
        <source>The voucher number is too long (at most 40 characters).</source>
        <translation>凭证号过长（最多 40 个字符）。</translation>
    </message>
    <message>
        <source>The paid date {date} is in the future.</source>
        <translation>发放日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>Paid on {date}, before {name} arrived on {arrival}.</source>
        <translation>发放日期 {date} 早于{name}的到岗日期 {arrival}。</translation>
    </message>
    <message>
        <source>Paid on {date}, after {name} left the county on {left}.</source>
        <translation>发放日期 {date} 晚于{name}离开本县的日期 {left}。</translation>
    </message>
    <message>
        <source>Instalment {seq} is already paid on file: the same payment twice.</source>
        <translation>第 {seq} 期已有发放记录：同一笔发放重复了。</translation>
    </message>
    <message>
        <source>Instalment {seq} is paid twice in this file (row {other}): the same payment twice.</source>
        <translation>第 {seq} 期在本文件中发放了两次（第 {other} 行）：同一笔发放重复了。</translation>
    </message>
    <message>
        <source>Instalment {seq} does not exist: the grant has {count} instalments, so this would pay more than was granted.</source>
        <translation>不存在第 {seq} 期：该补贴共 {count} 期，这样发放会超过核定金额。</translation>
    </message>
    <message>
        <source>Every instalment ({count}) is already paid: this payment is more than was granted.</source>
        <translation>全部 {count} 期均已发放：这笔发放超过了核定金额。</translation>
    </message>
    <message>
        <source>The same payment (voucher {voucher}, {amount} on {date}) is already on row {other}.</source>
        <translation>同一笔发放（凭证 {voucher}，{date} {amount}）已在第 {other} 行。</translation>
    </message>
    <message>
        <source>This payment (voucher {voucher}, {amount} on {date}) is already in the ledger: the same payment twice.</source>
        <translation>这笔发放（凭证 {voucher}，{date} {amount}）已在台账中：同一笔发放重复了。</translation>
    </message>
    <message>
        <source>Instalment {seq} of this grant was cancelled.</source>
        <translation>该补贴的第 {seq} 期已取消。</translation>
    </message>
    <message>
        <source>Instalment {seq} of {name}&apos;s grant is {due}; the row pays {paid}.</source>
        <translation>{name}该项补贴第 {seq} 期应发 {due}；本行发放 {paid}。</translation>
    </message>
    <message>
        <source>This row (voucher {voucher}, {amount} on {date}) is already in the ledger: the same entry twice.</source>
        <translation>此行（凭证 {voucher}，{date} {amount}）已在台账中：同一笔款项重复。</translation>
    </message>
    <message>
        <source>Nothing was paid to {name} under “{policy}”, so nothing can be clawed back or paid back; the payments must come first (in this file or on file).</source>
        <translation>{name}在“{policy}”下没有发放记录，无法追回或退回；须先有发放记录（本文件中或系统中）。</translation>
    </message>
    <message>
        <source>More owed back than was paid: {name} was paid {paid} under “{policy}”; with this row {owed} would be owed back.</source>
        <translation>应追回多于已发放：{name}在“{policy}”下已发放 {paid}；计入此行后应追回 {owed}。</translation>
    </message>
    <message>
        <source>More paid back than was paid: {name} was paid {paid} under “{policy}”; with this row {back} would be paid back.</source>
        <translation>退回多于已发放：{name}在“{policy}”下已发放 {paid}；计入此行后退回 {back}。</translation>
    </message>
    <message>
        <source>More forgiven than is owed back: {name} owes {owed} back under “{policy}”; this row forgives {amount}.</source>
        <translation>免于追回多于应追回：{name}在“{policy}”下尚应退还 {owed}；此行免于追回 {amount}。</translation>
    </message>
    <message>
        <source>{name}: {amount} paid back under “{policy}” is posted with the clawback it settles (the file has no 应追回 row for it).</source>
        <translation>{name}：“{policy}”退回的 {amount} 连同其对应的应追回一并入账（文件中没有对应的“应追回”行）。</translation>
    </message>
    <message>
        <source>The rows of {name} for “{policy}” disagree on the number of instalments ({counts}).</source>
        <translation>{name}的“{policy}”各行所写总期数不一致（{counts}）。</translation>
    </message>
    <message>
        <source>More paid than granted: {name}&apos;s grant of “{policy}” is {total}; with this row {paid} would be paid.</source>
        <translation>超过核定金额：{name}的“{policy}”核定 {total}；加上本行将发放 {paid}。</translation>
    </message>
    <message>
        <source>the policy sets no amount for tier {tier} with this education</source>
        <translation>政策未规定 {tier} 类人才该学历的金额</translation>
    </message>
    <message>
        <source>the policy grants {amount} in {count} instalments ({each}), which the rows do not follow</source>
        <translation>政策规定分 {count} 期发放 {amount}（{each}），而各行与此不符</translation>
    </message>
    <message>
        <source>{name}: the grant of “{policy}” is made from the file ({total} in {count} instalments) because {why}.</source>
        <translation>{name}：“{policy}”按文件中的记录核定（{total}，共 {count} 期），因为{why}。</translation>
    </message>
    <message>
        <source>Moved in from {file}</source>
        <translation>从 {file} 迁入</translation>
    </message>
    <message>
        <source>The talent left the county on {date}</source>
        <translation>该人才已于 {date} 离开本县</translation>
    </message>
    <message>
        <source>Creating grants</source>
        <translation>正在建立补贴核定</translation>
    </message>
    <message>
        <source>Posting what fell due</source>
        <translation>正在记入应发</translation>
    </message>
    <message>
        <source>Posting payments</source>
        <translation>正在记入发放</translation>
    </message>
    <message>
        <source>Linking payments to the ledger</source>
        <translation>正在关联发放与台账</translation>
    </message>
    <message>
        <source>Owed back, settled by the refund of row {row} of {file}</source>
        <translation>应追回，已由 {file} 第 {row} 行的退回结清</translation>
    </message>
    <message>
        <source>Owed back</source>
        <translation>应追回</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Forgiven</source>
        <translation>免于追回</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>PaymentImportDialog</name>
    <message>
        <source>Import the payment history</source>
        <translation>导入历史发放记录</translation>
    </message>
    <message>
        <source>One row per payment: ID number, name, policy (name or 文号), instalment (2/3, 第2期 or empty), amount as written, paid date, voucher number, method. Import the policies and the talents first.</source>
        <translation>每笔发放一行：身份证号、姓名、补贴项目（名称或文号）、期次（2/3、第2期 或留空）、金额（按原样填写）、发放日期、凭证号、发放方式。请先导入政策和人才。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
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
        <source>Policy</source>
        <translation>补贴项目</translation>
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
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>{valid} payments ({amount}) are ready to import into {grants} new grants; {bad} rows refused; {blank} blank rows skipped.</source>
        <translation>可导入 {valid} 笔发放（{amount}），将新建 {grants} 项补贴核定；拒绝 {bad} 行；跳过空行 {blank} 行。</translation>
    </message>
    <message>
        <source>Imported {n} payments ({amount}); {grants} grants were created. A backup was taken first.</source>
        <translation>已导入 {n} 笔发放（{amount}），新建 {grants} 项补贴核定。导入前已备份数据库。</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Instalment {id} does not exist.</source>
        <translation>分期{id}不存在。</translation>
    </message>
    <message>
        <source>{talent} has left the county; instalments are no longer paid.</source>
        <translation>{talent}已离开本县，不再发放分期补贴。</translation>
    </message>
    <message>
        <source>The grant &quot;{policy}&quot; of {talent} is not active.</source>
        <translation>{talent}的“{policy}”核定不在执行中。</translation>
    </message>
    <message>
        <source>Instalment {seq} of &quot;{policy}&quot; ({talent}) is not owed.</source>
        <translation>“{policy}”（{talent}）第{seq}期无需发放。</translation>
    </message>
    <message>
        <source>Instalment {seq} of &quot;{policy}&quot; ({talent}) has not fallen due yet.</source>
        <translation>“{policy}”（{talent}）第{seq}期尚未到期。</translation>
    </message>
    <message>
        <source>Instalment {seq} of &quot;{policy}&quot; ({talent}) has already been paid.</source>
        <translation>“{policy}”（{talent}）第{seq}期已发放。</translation>
    </message>
    <message>
        <source>Instalment {seq} of &quot;{policy}&quot; ({talent}) already has a payment order.</source>
        <translation>“{policy}”（{talent}）第{seq}期已有付款单。</translation>
    </message>
    <message>
        <source>Choose how the money is paid (bank transfer or cash).</source>
        <translation>请选择支付方式（银行转账或现金）。</translation>
    </message>
    <message>
        <source>Payment order {id}: you recorded it, so another person must approve it.</source>
        <translation>付款单{id}：由您录入，须由他人审批。</translation>
    </message>
    <message>
        <source>Payment order {id}: your account was created by the person who recorded it, so another person must approve it.</source>
        <translation>支付单 {id}：您的账号是录入人创建的，必须由另一个人批准。</translation>
    </message>
    <message>
        <source>The batch was cancelled; nothing was changed.</source>
        <translation>批量操作已取消，未作任何更改。</translation>
    </message>
    <message>
        <source>Payment order {id} does not exist.</source>
        <translation>付款单{id}不存在。</translation>
    </message>
    <message>
        <source>Payment order {id} is not waiting for approval.</source>
        <translation>付款单{id}不在待审批状态。</translation>
    </message>
    <message>
        <source>Voucher number {voucher} already belongs to another payment ({talent}). Check the voucher; each voucher number is used once.</source>
        <translation>凭证号 {voucher} 已用于另一笔付款（{talent}）。请核对凭证；每个凭证号只能使用一次。</translation>
    </message>
    <message>
        <source>The payment date cannot be in the future.</source>
        <translation>付款日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Payment order {id} has not been approved.</source>
        <translation>付款单{id}尚未审批。</translation>
    </message>
    <message>
        <source>Payment order {id}: the instalment has already been paid.</source>
        <translation>付款单{id}：该期补贴已发放。</translation>
    </message>
    <message>
        <source>Say why the payment order is withdrawn.</source>
        <translation>请说明撤回付款单的原因。</translation>
    </message>
    <message>
        <source>Only a payment order that has not been paid can be withdrawn; correct a paid one by reversing its ledger entry.</source>
        <translation>只能撤回尚未付款的付款单；已付款的应通过冲销其台账分录更正。</translation>
    </message>
    <message>
        <source>The refund must be greater than zero.</source>
        <translation>退回金额必须大于零。</translation>
    </message>
    <message>
        <source>Nothing is owed on this grant.</source>
        <translation>该核定下没有应退回的款项。</translation>
    </message>
    <message>
        <source>The refund ({amount}) is more than is still owed ({open}).</source>
        <translation>退回金额（{amount}）超过尚待退回金额（{open}）。</translation>
    </message>
    <message>
        <source>A waiver needs a reason (official transfer, illness …).</source>
        <translation>减免须填写理由（组织调动、因病等）。</translation>
    </message>
    <message>
        <source>The waived amount must be more than zero and at most {open}.</source>
        <translation>减免金额须大于零且不超过{open}。</translation>
    </message>
    <message>
        <source>Choose the payment orders for the roster.</source>
        <translation>请选择要列入代发清单的付款单。</translation>
    </message>
    <message>
        <source>The roster is written as .xlsx or .pdf.</source>
        <translation>代发清单只能保存为 .xlsx 或 .pdf 文件。</translation>
    </message>
    <message>
        <source>The roster could not be written to {path}: {error}</source>
        <translation>代发清单无法写入{path}：{error}</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
        <source>Recorded by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>审批所选</translation>
    </message>
    <message>
        <source>Mark selected paid…</source>
        <translation>所选登记已付…</translation>
    </message>
    <message>
        <source>Withdraw order…</source>
        <translation>撤回付款单…</translation>
    </message>
    <message>
        <source>Payment roster…</source>
        <translation>代发清单…</translation>
    </message>
    <message>
        <source>{n} orders, {total}</source>
        <translation>{n}张付款单，共{total}</translation>
    </message>
    <message>
        <source>Select the payment orders first.</source>
        <translation>请先选择付款单。</translation>
    </message>
    <message>
        <source>Approve payment orders</source>
        <translation>审批付款单</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>登记已付</translation>
    </message>
    <message>
        <source>Withdraw payment order</source>
        <translation>撤回付款单</translation>
    </message>
    <message>
        <source>Withdraw payment order {id} ({talent}, {amount})?</source>
        <translation>撤回付款单{id}（{talent}，{amount}）？</translation>
    </message>
    <message>
        <source>Payment roster</source>
        <translation>代发清单</translation>
    </message>
    <message>
        <source>payment-roster.xlsx</source>
        <translation>代发清单.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{n} lines written to {path}.</source>
        <translation>已将{n}行写入{path}。</translation>
    </message>
</context>
<context>
    <name>Policies</name>
    <message>
        <source>Policy {id} does not exist.</source>
        <translation>政策{id}不存在。</translation>
    </message>
    <message>
        <source>The policy needs a name.</source>
        <translation>请填写政策名称。</translation>
    </message>
    <message>
        <source>The policy name is too long (at most 120 characters).</source>
        <translation>政策名称过长（最多120个字符）。</translation>
    </message>
    <message>
        <source>Choose the kind of subsidy.</source>
        <translation>请选择补贴类型。</translation>
    </message>
    <message>
        <source>Choose the level of the policy (county, city or province).</source>
        <translation>请选择政策层级（县级、市级或省级）。</translation>
    </message>
    <message>
        <source>Choose how the subsidy is paid (lump sum, monthly or yearly).</source>
        <translation>请选择发放方式（一次性、按月或按年）。</translation>
    </message>
    <message>
        <source>Choose the clawback rule.</source>
        <translation>请选择追回规则。</translation>
    </message>
    <message>
        <source>The number of instalments must be between 1 and 120.</source>
        <translation>分期数须在1至120之间。</translation>
    </message>
    <message>
        <source>The policy cannot end before it starts.</source>
        <translation>政策截止日期不能早于起始日期。</translation>
    </message>
    <message>
        <source>The service commitment is a whole number of years from 1 to 50 (or none).</source>
        <translation>服务期为 1 至 50 的整数年（或不设）。</translation>
    </message>
    <message>
        <source>Unknown talent tier: {tier}.</source>
        <translation>未知人才类别：{tier}。</translation>
    </message>
    <message>
        <source>Unknown education: {education}.</source>
        <translation>未知学历：{education}。</translation>
    </message>
    <message>
        <source>Give at least one amount (for all talents, or per tier or education).</source>
        <translation>请至少填写一项补贴标准（不限，或按人才类别、学历）。</translation>
    </message>
    <message>
        <source>Every amount must be greater than zero.</source>
        <translation>每项补贴标准都必须大于零。</translation>
    </message>
    <message>
        <source>The same tier and education appear twice in the amounts.</source>
        <translation>补贴标准中同一类别和学历出现了两次。</translation>
    </message>
    <message>
        <source>A policy cannot exclude itself.</source>
        <translation>政策不能与自身互斥。</translation>
    </message>
    <message>
        <source>The policy &quot;{name}&quot; is no longer in use.</source>
        <translation>政策“{name}”已停用。</translation>
    </message>
    <message>
        <source>The policy &quot;{name}&quot; is not in force on {date}.</source>
        <translation>政策“{name}”在{date}不在有效期内。</translation>
    </message>
    <message>
        <source>{talent} has left the county.</source>
        <translation>{talent}已离开本县。</translation>
    </message>
    <message>
        <source>The policy is for tiers {tiers}; {talent} is tier {tier}.</source>
        <translation>该政策适用于{tiers}类人才；{talent}为{tier}类。</translation>
    </message>
    <message>
        <source>The policy requires {required}; {talent}&apos;s education is {education}.</source>
        <translation>该政策要求学历为{required}；{talent}的学历为{education}。</translation>
    </message>
    <message>
        <source>The policy sets no amount for tier {tier} with {education}.</source>
        <translation>该政策未规定{tier}类、{education}学历人才的补贴标准。</translation>
    </message>
    <message>
        <source>This policy has grants, so it cannot be deleted; mark it as no longer in use instead.</source>
        <translation>该政策已有核定记录，不能删除；请改为停用。</translation>
    </message>
</context>
<context>
    <name>PoliciesPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Document No.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>追回</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Service (years)</source>
        <translation>服务期（年）</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>补贴标准</translation>
    </message>
    <message>
        <source>Excludes</source>
        <translation>互斥政策</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>核定数</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Approved total</source>
        <translation>核定总额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>发放计划</translation>
    </message>
    <message>
        <source>New policy…</source>
        <translation>新增政策…</translation>
    </message>
    <message>
        <source>Edit policy…</source>
        <translation>编辑政策…</translation>
    </message>
    <message>
        <source>Grant to a talent…</source>
        <translation>为人才核定…</translation>
    </message>
    <message>
        <source>Grants under the selected policy</source>
        <translation>所选政策下的核定</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>暂停…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <source>all tiers</source>
        <translation>各类人才</translation>
    </message>
    <message>
        <source>all education levels</source>
        <translation>各学历</translation>
    </message>
    <message>
        <source>Suspend grant</source>
        <translation>暂停核定</translation>
    </message>
    <message>
        <source>Terminate grant</source>
        <translation>终止核定</translation>
    </message>
    <message>
        <source>Select a grant first.</source>
        <translation>请先选择一条核定记录。</translation>
    </message>
    <message>
        <source>{policy} for {talent}</source>
        <translation>{talent}的{policy}</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴政策</translation>
    </message>
    <message>
        <source>Edit policy: {name}</source>
        <translation>编辑政策：{name}</translation>
    </message>
    <message>
        <source>e.g. 县委人才办〔2024〕3号</source>
        <translation>如 县委人才办〔2024〕3号</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source>The talent&apos;s own</source>
        <translation>按人才本人约定</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Add amount</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <source>Remove amount</source>
        <translation>删除标准</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Document No. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Payment schedule</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>Clawback rule</source>
        <translation>追回规则</translation>
    </message>
    <message>
        <source>Service commitment (服务期)</source>
        <translation>服务期</translation>
    </message>
    <message>
        <source>Eligible tiers (none ticked = all)</source>
        <translation>适用人才类别（不勾选即不限）</translation>
    </message>
    <message>
        <source>Eligible education (none ticked = all)</source>
        <translation>适用学历（不勾选即不限）</translation>
    </message>
    <message>
        <source>Amounts (the most specific row wins)</source>
        <translation>补贴标准（按最具体的一行执行）</translation>
    </message>
    <message>
        <source>Excludes (no double benefit)</source>
        <translation>互斥政策（不得重复享受）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{n} grants were made under this policy; they keep what was approved. Changes apply to new grants only.</source>
        <translation>该政策下已有{n}条核定记录，均按原核定内容执行；修改仅对新的核定生效。</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>不限类别</translation>
    </message>
    <message>
        <source>Any education</source>
        <translation>不限学历</translation>
    </message>
</context>
<context>
    <name>PolicyImport</name>
    <message>
        <source>The number of instalments is a whole number from 1.</source>
        <translation>期数是从 1 开始的整数。</translation>
    </message>
    <message>
        <source>“{value}” is not a way of paying; write 一次性, 按年3期 or 按月36个月.</source>
        <translation>“{value}”不是发放方式；请写“一次性”“按年3期”或“按月36个月”。</translation>
    </message>
    <message>
        <source>Say how many instalments (e.g. 按年3期) or fill the 期数 column.</source>
        <translation>请写明期数（如“按年3期”），或填写“期数”列。</translation>
    </message>
    <message>
        <source>The number of instalments must be between 1 and 120.</source>
        <translation>期数必须在 1 到 120 之间。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>The table has no amounts: add a column per tier (A类, B类 …) or a 金额 column.</source>
        <translation>表中没有金额：请按人才类别各加一列（A类、B类……），或加一列“金额”。</translation>
    </message>
    <message>
        <source>The policy needs a name.</source>
        <translation>政策需要名称。</translation>
    </message>
    <message>
        <source>A policy called “{name}” is already on file; change it in the policy dialog instead.</source>
        <translation>已有名为“{name}”的政策；请在政策对话框中修改。</translation>
    </message>
    <message>
        <source>Unknown talent tier “{tier}”; the tiers are {tiers}.</source>
        <translation>未知的人才类别“{tier}”；现有类别为 {tiers}。</translation>
    </message>
    <message>
        <source>“{value}” is not a service commitment; write the whole years, like 5、5年、五年 or 服务期5年, or leave it empty.</source>
        <translation>“{value}”不是服务期；请写整数年，如 5、5年、五年或服务期5年，或留空。</translation>
    </message>
    <message>
        <source>The amount for this tier and education is already given on row {row}.</source>
        <translation>该类别和学历的金额已在第 {row} 行给出。</translation>
    </message>
    <message>
        <source>“{name}” has no amount.</source>
        <translation>“{name}”没有金额。</translation>
    </message>
    <message>
        <source>“{other}” is neither on file nor in this table.</source>
        <translation>“{other}”既不在系统中，也不在本表中。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何修改。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason / memo</source>
        <translation>理由/摘要</translation>
    </message>
    <message>
        <source>Give a reason; it stays in the ledger.</source>
        <translation>请填写理由，理由将保留在台账中。</translation>
    </message>
</context>
<context>
    <name>Reconcile</name>
    <message>
        <source>Policy</source>
        <translation>补贴项目</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>政策文号</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放笔数</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>发放金额（元）</translation>
    </message>
    <message>
        <source>Dues</source>
        <translation>应发笔数</translation>
    </message>
    <message>
        <source>Due (yuan)</source>
        <translation>应发金额（元）</translation>
    </message>
    <message>
        <source>Clawbacks</source>
        <translation>追回笔数</translation>
    </message>
    <message>
        <source>Clawed back (yuan)</source>
        <translation>追回金额（元）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded (yuan)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Subsidy reconciliation, fiscal year {year}</source>
        <translation>{year}年度人才补贴对账表</translation>
    </message>
    <message>
        <source>Subsidy reconciliation, all years</source>
        <translation>人才补贴对账表（全部年度）</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账表</translation>
    </message>
    <message>
        <source>Printed on {date}; amounts in yuan, exact to the fen.</source>
        <translation>打印日期 {date}；金额单位为元，精确到分。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>The reconciliation is written as .xlsx or .pdf.</source>
        <translation>对账表只能导出为 .xlsx 或 .pdf 文件。</translation>
    </message>
    <message>
        <source>The reconciliation could not be written to {path}: {error}</source>
        <translation>无法将对账表写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>ReconcilePage</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>补贴项目</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>政策文号</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>发放笔数</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>发放金额</translation>
    </message>
    <message>
        <source>Dues</source>
        <translation>应发笔数</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应发金额</translation>
    </message>
    <message>
        <source>Clawbacks</source>
        <translation>追回笔数</translation>
    </message>
    <message>
        <source>Clawed back</source>
        <translation>追回金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Import payment history…</source>
        <translation>导入历史发放记录…</translation>
    </message>
    <message>
        <source>Export payment history…</source>
        <translation>导出发放记录…</translation>
    </message>
    <message>
        <source>Every standing payment with its grant, in the shape the import reads: it moves the ledger into another database with the same balances.</source>
        <translation>按导入格式导出每一笔有效发放及其补贴核定：可将台账原样迁入另一个数据库，余额不变。</translation>
    </message>
    <message>
        <source>Tick these figures off against the finance bureau&apos;s: a reversed entry is taken back from the kind it reversed, so the table shows what stands.</source>
        <translation>请与财政局的数据逐项核对：冲销的记录从其原类别中扣除，表中显示的是现存有效的数额。</translation>
    </message>
    <message>
        <source>Total: {n} payments, {paid} paid; {due} due; {claw} clawed back; {refund} refunded.</source>
        <translation>合计：发放 {n} 笔，{paid}；应发 {due}；追回 {claw}；退款 {refund}。</translation>
    </message>
    <message>
        <source>reconciliation-{year}</source>
        <translation>对账表-{year}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the reconciliation</source>
        <translation>保存对账表</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账表</translation>
    </message>
    <message>
        <source>{n} lines written to {path}.</source>
        <translation>已将 {n} 行写入 {path}。</translation>
    </message>
    <message>
        <source>Export payment history</source>
        <translation>导出发放记录</translation>
    </message>
    <message>
        <source>payment-history.xlsx</source>
        <translation>发放记录.xlsx</translation>
    </message>
    <message>
        <source>{n} rows written to {path}.</source>
        <translation>已将 {n} 行写入 {path}。</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>No Chinese font was found, so the document cannot be printed without blank boxes. Install a Chinese TrueType font (for example SimSun or WenQuanYi Micro Hei) or choose a font file in Settings.</source>
        <translation>未找到中文字体，文档无法正常打印（会出现空白方框）。请安装中文 TrueType 字体（如宋体或文泉驿微米黑），或在设置中选择字体文件。</translation>
    </message>
    <message>
        <source>{person}: {chars} ({codes})</source>
        <translation>{person}：{chars}（{codes}）</translation>
    </message>
    <message>
        <source>No font on this computer has some characters of these names; on paper they would be blank:</source>
        <translation>以下姓名中有本机所有字体都没有的字，打印出来将是空白：</translation>
    </message>
    <message>
        <source>Install a font that has them (for example SimSun-ExtB on Windows, or HanaMinA/HanaMinB), or print anyway and write them in by hand.</source>
        <translation>请安装含有这些字的字体（例如 Windows 的 SimSun-ExtB，或花园明朝 HanaMinA/HanaMinB），或仍然打印后手工补写。</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>With accounts, reversals, waivers, grants and policy amounts are asked for by one person and carried out when another approves; nobody approves their own request or one from the person who created their account.</source>
        <translation>有账号时，冲销、减免、补贴发放和政策金额由一个人申请、另一个人批准后执行；任何人不能批准自己的申请，也不能批准创建了自己账号的人的申请。</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} 条待审批</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Select a request first.</source>
        <translation>请先选择一条申请。</translation>
    </message>
    <message>
        <source>Approve request</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Approve and carry out request {id}?
{what}: {summary}</source>
        <translation>批准并执行申请 {id}？
{what}：{summary}</translation>
    </message>
    <message>
        <source>Reject request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Why is request {id} rejected?</source>
        <translation>为什么驳回申请 {id}？</translation>
    </message>
</context>
<context>
    <name>Roster</name>
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
        <translation>用人单位</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Voucher No.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>{office} — subsidy payment roster</source>
        <translation>{office}人才补贴代发清单</translation>
    </message>
    <message>
        <source>Chain head: {head}</source>
        <translation>链头：{head}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>代发清单</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{n} people</source>
        <translation>{n}人</translation>
    </message>
    <message>
        <source>Prepared by:</source>
        <translation>制表：</translation>
    </message>
    <message>
        <source>Checked by:</source>
        <translation>复核：</translation>
    </message>
    <message>
        <source>Approved by:</source>
        <translation>审批：</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>第{n}页</translation>
    </message>
    <message>
        <source>Total in words: RMB {capitals}</source>
        <translation>合计金额（大写）：人民币{capitals}</translation>
    </message>
    <message>
        <source>Prepared by: ____________</source>
        <translation>制表：____________</translation>
    </message>
    <message>
        <source>Checked by: ____________</source>
        <translation>复核：____________</translation>
    </message>
    <message>
        <source>Approved by: ____________</source>
        <translation>审批：____________</translation>
    </message>
    <message>
        <source>(Seal)</source>
        <translation>（盖章）</translation>
    </message>
</context>
<context>
    <name>StatementPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source> (reversed)</source>
        <translation>（已冲销）</translation>
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
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>应退回</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Waived</source>
        <translation>已减免</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚待退回</translation>
    </message>
    <message>
        <source>Record refund…</source>
        <translation>登记退回…</translation>
    </message>
    <message>
        <source>Waive…</source>
        <translation>减免…</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Clawback obligations</source>
        <translation>应退回款项</translation>
    </message>
    <message>
        <source>{name} · {employer} · {status}</source>
        <translation>{name} · {employer} · {status}</translation>
    </message>
    <message>
        <source>Fallen due {due} − paid {paid} − clawback {claw} + refunded {refund} + waived or lapsed {waived} = balance {bal} (positive: the county owes the talent; negative: the talent owes the county) · still owed back {open}</source>
        <translation>应付 {due} − 已付 {paid} − 追回 {claw} + 已退回 {refund} + 减免或注销 {waived} = 余额 {bal}（正数：县里应付给人才；负数：人才应退给县里）· 尚待退回 {open}</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>追回</translation>
    </message>
    <message>
        <source>Nothing is owed back.</source>
        <translation>没有应退回的款项。</translation>
    </message>
    <message>
        <source>Record refund</source>
        <translation>登记退回</translation>
    </message>
    <message>
        <source>{policy}: {open} still owed.</source>
        <translation>{policy}：尚待退回{open}。</translation>
    </message>
    <message>
        <source>Waive obligation</source>
        <translation>减免应退款项</translation>
    </message>
    <message>
        <source>{policy}: {open} still owed. A waiver needs the reason (official transfer, illness …).</source>
        <translation>{policy}：尚待退回{open}。减免须填写理由（组织调动、因病等）。</translation>
    </message>
</context>
<context>
    <name>TalentPicker</name>
    <message>
        <source>Name or pinyin initials, e.g. zs</source>
        <translation>姓名或拼音首字母，如 zs</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a certificate</source>
        <translation>凭证验真</translation>
    </message>
    <message>
        <source>Scan the QR code or paste its text here</source>
        <translation>扫描二维码或在此粘贴其内容</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查验</translation>
    </message>
    <message>
        <source>Policy: {policy} · printed {n} times</source>
        <translation>政策：{policy} · 已打印{n}次</translation>
    </message>
</context>
</TS>
