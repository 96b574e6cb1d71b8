<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accounts</name>
    <message>
        <source>This database has accounts, but they were removed from the file outside TalentDesk. It will not open without them. Run "talentdesk check" and restore the backup it names.</source>
        <translation>此数据库有账号，但账号在 TalentDesk 之外被从文件中删除了。没有账号，数据库不能打开。请运行“talentdesk check”，并恢复它指出的备份。</translation>
    </message>
    <message>
        <source>A user name has 1 to 40 characters and no spaces.</source>
        <translation>用户名应为 1 至 40 个字符，且不含空格。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>A password can have at most {n} characters.</source>
        <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>The password contains a character that cannot be used.</source>
        <translation>密码中含有不能使用的字符。</translation>
    </message>
    <message>
        <source>Unknown role: {role}</source>
        <translation>未知角色：{role}</translation>
    </message>
    <message>
        <source>There is no account with number {id}.</source>
        <translation>不存在编号为 {id} 的账户。</translation>
    </message>
    <message>
        <source>The display name can have at most 60 characters.</source>
        <translation>姓名最多 60 个字符。</translation>
    </message>
    <message>
        <source>An account named {name} already exists.</source>
        <translation>已存在名为 {name} 的账户。</translation>
    </message>
    <message>
        <source>This is the last active administrator; make another account an administrator first.</source>
        <translation>这是最后一个启用的管理员账户，请先将其他账户设为管理员。</translation>
    </message>
    <message>
        <source>There are no accounts yet, so there is no password to change.</source>
        <translation>尚未建立账户，没有可修改的密码。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与旧密码相同。</translation>
    </message>
    <message>
        <source>The password was changed meanwhile. Enter your current password again.</source>
        <translation>密码在此期间已被更改。请重新输入当前密码。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>This server database has accounts, but none that this connection's county may see. Ask the city's administrator to make an account for your county (see docs/city.md).</source>
        <translation>这个服务器数据库已有账号，但没有本连接所属县区可见的账号。请市级管理员为您的县区建立账号（见 docs/city.md）。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>该账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} more minutes, or until an administrator unlocks it.</source>
        <translation>密码错误次数过多：该账户还将锁定 {minutes} 分钟，或由管理员解锁。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for {minutes} minutes, or until an administrator unlocks it.</source>
        <translation>密码错误次数过多：该账户已锁定 {minutes} 分钟，或由管理员解锁。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Export to a file ending in .xlsx or .csv.</source>
        <translation>请导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {error}</source>
        <translation>无法写入导出文件 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Record no.</source>
        <translation>记录号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>Text in the change…</source>
        <translation>变更内容包含…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All record kinds</source>
        <translation>全部记录类型</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
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
        <source>Refused (no permission)</source>
        <translation>拒绝（无权限）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>{shown} of {total} entries (newest first)</source>
        <translation>显示 {shown} 条，共 {total} 条（最新在前）</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>导出操作日志</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{n} entries exported to {path}.</source>
        <translation>已导出 {n} 条记录到 {path}。</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>Talent record</source>
        <translation>人才档案</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Talent tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>County's setting</source>
        <translation>县区设置</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Subsidy policy</source>
        <translation>补贴政策</translation>
    </message>
    <message>
        <source>Policy amount</source>
        <translation>政策标准</translation>
    </message>
    <message>
        <source>Policy conditions</source>
        <translation>政策条件</translation>
    </message>
    <message>
        <source>Policy exclusion</source>
        <translation>政策互斥</translation>
    </message>
    <message>
        <source>Subsidy grant</source>
        <translation>补贴核定</translation>
    </message>
    <message>
        <source>Drafted grant</source>
        <translation>待审核定</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation>台账分录</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <source>Payment certificate</source>
        <translation>发放凭证</translation>
    </message>
    <message>
        <source>Serial number counter</source>
        <translation>编号计数器</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <source>Office key</source>
        <translation>单位密钥</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Mentor role</source>
        <translation>导师角色</translation>
    </message>
    <message>
        <source>Mentor pairing</source>
        <translation>导师结对</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>帮带记录</translation>
    </message>
    <message>
        <source>Care case</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Growth event</source>
        <translation>成长事件</translation>
    </message>
    <message>
        <source>Training programme</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <source>Training enrolment</source>
        <translation>培训报名</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>离开原因</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>首字母</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要说明</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Policy kind</source>
        <translation>政策类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Approved total</source>
        <translation>核定总额</translation>
    </message>
    <message>
        <source>Document No.</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Eligible tiers</source>
        <translation>适用人才类别</translation>
    </message>
    <message>
        <source>Eligible education</source>
        <translation>适用学历</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>Number of instalments</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Clawback rule</source>
        <translation>追回规则</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
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
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Created by (account)</source>
        <translation>创建人（账户）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested by (account)</source>
        <translation>申请人（账户）</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Decided by (account)</source>
        <translation>审批人（账户）</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Arrived from</source>
        <translation>到岗起始</translation>
    </message>
    <message>
        <source>Arrived until</source>
        <translation>到岗截止</translation>
    </message>
    <message>
        <source>Employer kinds</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Introduction modes</source>
        <translation>引进方式</translation>
    </message>
    <message>
        <source>Minimum age</source>
        <translation>最低年龄</translation>
    </message>
    <message>
        <source>Maximum age</source>
        <translation>最高年龄</translation>
    </message>
    <message>
        <source>Minimum service years</source>
        <translation>最低服务年限</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>所需材料</translation>
    </message>
    <message>
        <source>Missing materials block</source>
        <translation>缺材料不予核定</translation>
    </message>
    <message>
        <source>Excluded policy</source>
        <translation>互斥政策</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>退房日期</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>From check-in</source>
        <translation>来自帮带记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Appraisal grade</source>
        <translation>考核等次</translation>
    </message>
    <message>
        <source>Appraisal year</source>
        <translation>考核年度</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专长</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>可带人数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Reason for the status</source>
        <translation>状态原因</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>核定人</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>报名日期</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Conditions met</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>Missing materials</source>
        <translation>缺少材料</translation>
    </message>
    <message>
        <source>Drafted by (account)</source>
        <translation>拟定人（账户）</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>拟定人</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>补贴核定</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已入账</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Reverses entry</source>
        <translation>冲销分录</translation>
    </message>
    <message>
        <source>Accounting voucher No.</source>
        <translation>记账凭证号</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Reason for ending</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>帮带目标</translation>
    </message>
    <message>
        <source>Check-in every (days)</source>
        <translation>帮带间隔（天）</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>最近帮带</translation>
    </message>
    <message>
        <source>Certificate No.</source>
        <translation>凭证编号</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要值</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>开具人</translation>
    </message>
    <message>
        <source>Times printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Last printed</source>
        <translation>最近打印</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Issues raised</source>
        <translation>反映问题</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Recorded by (account)</source>
        <translation>登记人（账户）</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Approved by (account)</source>
        <translation>审批人（账户）</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>审批时间</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Last number</source>
        <translation>最后编号</translation>
    </message>
    <message>
        <source>Reason for leaving (coded)</source>
        <translation>离开原因（编码）</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>补贴金额</translation>
    </message>
    <message>
        <source>Cannot be held together with</source>
        <translation>不可同时享受的政策</translation>
    </message>
    <message>
        <source>Service commitment (years)</source>
        <translation>服务期（年）</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>First rows</source>
        <translation>前几行</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Drafted</source>
        <translation>已拟定</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（不记录）</translation>
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
        <source>Backup made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日自动备份</translation>
    </message>
    <message>
        <source>Backup before an import</source>
        <translation>导入前备份</translation>
    </message>
    <message>
        <source>Backup before a restore</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <source>Backup before an upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <source>Backup ({reason})</source>
        <translation>备份（{reason}）</translation>
    </message>
    <message>
        <source>{what}: {file}</source>
        <translation>{what}：{file}</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rows {verb} in one statement</source>
        <translation>批量{verb}记录</translation>
    </message>
    <message>
        <source>Exported {n} talents to {file}</source>
        <translation>导出 {n} 名人才到 {file}</translation>
    </message>
    <message>
        <source>Imported {n} talents from {file}; {skipped} rows skipped; {emp} new employers</source>
        <translation>从 {file} 导入 {n} 名人才；跳过 {skipped} 行；新增用人单位 {emp} 个</translation>
    </message>
    <message>
        <source>Imported {n} care cases from {file}</source>
        <translation>从 {file} 导入 {n} 件服务事项</translation>
    </message>
    <message>
        <source>Imported {n} mentor pairings and {m} mentors from {file}</source>
        <translation>从 {file} 导入 {n} 对导师结对和 {m} 名导师</translation>
    </message>
    <message>
        <source>Imported {n} subsidy policies from {file}</source>
        <translation>从 {file} 导入 {n} 项补贴政策</translation>
    </message>
    <message>
        <source>Imported {n} payments ({amount}) and {m} grants from {file}; {refused} rows refused</source>
        <translation>从 {file} 导入 {n} 笔支付（{amount}）和 {m} 项补贴核定；拒绝 {refused} 行</translation>
    </message>
    <message>
        <source>Pairing agreement {id} written to {file}</source>
        <translation>结对协议 {id} 已输出到 {file}</translation>
    </message>
    <message>
        <source>Retention curves written to {file}</source>
        <translation>留存曲线已输出到 {file}</translation>
    </message>
    <message>
        <source>Annual report pack {year} written to {file}</source>
        <translation>{year} 年度报表已输出到 {file}</translation>
    </message>
    <message>
        <source>Retention figures written to {file}</source>
        <translation>留才分析已输出到 {file}</translation>
    </message>
    <message>
        <source>Yearly report {year} written to {file}</source>
        <translation>{year} 年度报告已输出到 {file}</translation>
    </message>
    <message>
        <source>Policy simulation ({name}) written to {file}</source>
        <translation>政策测算（{name}）已输出到 {file}</translation>
    </message>
    <message>
        <source>Reconciliation of all years: {n} lines written to {file}</source>
        <translation>全部年度对账：{n} 行已输出到 {file}</translation>
    </message>
    <message>
        <source>Reconciliation {year}: {n} lines written to {file}</source>
        <translation>{year} 年对账：{n} 行已输出到 {file}</translation>
    </message>
    <message>
        <source>Payment roster: {n} lines written to {file}</source>
        <translation>发放花名册：{n} 行已输出到 {file}</translation>
    </message>
    <message>
        <source>Payment history: {n} rows written to {file}</source>
        <translation>支付历史：{n} 行已输出到 {file}</translation>
    </message>
    <message>
        <source>Audit trail: {n} entries written to {file}</source>
        <translation>审计日志：{n} 条已输出到 {file}</translation>
    </message>
    <message>
        <source>Registered as active again: {note}</source>
        <translation>重新登记为在岗：{note}</translation>
    </message>
    <message>
        <source>Demo data: {n} made-up talents, as of {day}</source>
        <translation>演示数据：{n} 名虚构人才，截至 {day}</translation>
    </message>
    <message>
        <source>Sign-in with an unknown user name: {name}</source>
        <translation>使用不存在的用户名登录：{name}</translation>
    </message>
    <message>
        <source>{name}: the account is disabled</source>
        <translation>{name}：账户已停用</translation>
    </message>
    <message>
        <source>{name}: locked until {until}</source>
        <translation>{name}：锁定至 {until}</translation>
    </message>
    <message>
        <source>{name}: the password was changed during the sign-in</source>
        <translation>{name}：登录期间密码已被修改</translation>
    </message>
    <message>
        <source>{name}: wrong password ({n} in a row)</source>
        <translation>{name}：密码错误（连续 {n} 次）</translation>
    </message>
    <message>
        <source>Restored from {file}; the database before it was kept as {safety}</source>
        <translation>已从 {file} 恢复；恢复前的数据库保存为 {safety}</translation>
    </message>
    <message>
        <source>Office key {fp} exported, protected by a password, to {file}</source>
        <translation>单位密钥 {fp} 已加密码导出到 {file}</translation>
    </message>
    <message>
        <source>Office key {fp} installed on this PC</source>
        <translation>单位密钥 {fp} 已安装到本机</translation>
    </message>
    <message>
        <source>Public key {fp} written to {file}</source>
        <translation>公钥 {fp} 已输出到 {file}</translation>
    </message>
    <message>
        <source>Refused: payment {id} cannot be approved by the person who recorded it</source>
        <translation>已拒绝：支付 {id} 不能由登记人本人审批</translation>
    </message>
    <message>
        <source>Refused: this role may not do it</source>
        <translation>已拒绝：当前角色无权执行此操作</translation>
    </message>
    <message>
        <source>: {n} rows</source>
        <translation>：{n} 行</translation>
    </message>
    <message>
        <source>Single user</source>
        <translation>单用户</translation>
    </message>
    <message>
        <source>TalentDesk (automatic)</source>
        <translation>人才工作台（自动）</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Second copy (for example a USB stick)</source>
        <translation>第二份备份（如U盘）</translation>
    </message>
    <message>
        <source>No second folder</source>
        <translation>未设置第二备份文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>daily (automatic)</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>on demand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>This database is on a server; back it up with the server's tools.</source>
        <translation>该数据库位于服务器上，请使用服务器自带工具备份。</translation>
    </message>
    <message>
        <source>Backups are kept in {folder}: the last 7 days, 4 weeks and 12 months.</source>
        <translation>备份保存在 {folder}：保留最近 7 天、4 周和 12 个月的备份。</translation>
    </message>
    <message>
        <source>Backup written and checked:
{path}</source>
        <translation>备份已完成并通过检查：
{path}</translation>
    </message>
    <message>
        <source>Copied to {path}</source>
        <translation>已复制到 {path}</translation>
    </message>
    <message>
        <source>Select a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>TalentDesk databases (*.db);;All files (*)</source>
        <translation>人才工作数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace the current database with this backup?

{name}
{talents} talents, {entries} ledger entries, {users} accounts.

The current database is backed up first. TalentDesk closes afterwards; start it again and log in.</source>
        <translation>确定用此备份替换当前数据库吗？

{name}
人才 {talents} 人，台账分录 {entries} 条，账户 {users} 个。

系统会先备份当前数据库。恢复完成后程序将关闭，请重新启动并登录。</translation>
    </message>
    <message>
        <source>The backup was restored. The previous database was saved as
{path}

TalentDesk will now close; start it again.</source>
        <translation>备份已恢复。原数据库已另存为
{path}

程序即将关闭，请重新启动。</translation>
    </message>
    <message>
        <source>The check found problems; see the report below.</source>
        <translation>检查发现问题，详见下方报告。</translation>
    </message>
    <message>
        <source>Newest good backup: {path}</source>
        <translation>最新的完好备份：{path}</translation>
    </message>
    <message>
        <source>Second backup folder</source>
        <translation>第二备份文件夹</translation>
    </message>
    <message>
        <source>Saved. The next backup is also copied there.</source>
        <translation>已保存。今后的备份也会复制到该文件夹。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>No backup has been made yet.</source>
        <translation>尚未进行过备份。</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <source>older than {days} days; make a backup now.</source>
        <translation>已超过 {days} 天，请立即备份。</translation>
    </message>
    <message>
        <source>Backups from this program are made only for a SQLite database file; back up a server database with the server's own tools.</source>
        <translation>本程序只能备份 SQLite 数据库文件；服务器数据库请使用服务器自带工具备份。</translation>
    </message>
    <message>
        <source>The copy in the second folder failed its integrity check.</source>
        <translation>第二备份文件夹中的副本未通过完整性检查。</translation>
    </message>
    <message>
        <source>There is no database at {path} to back up.</source>
        <translation>{path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation>无法写入备份：{error}</translation>
    </message>
    <message>
        <source>The copy to the second folder {folder} failed: {error}</source>
        <translation>复制到第二备份文件夹 {folder} 失败：{error}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>{table}: the contents differ</source>
        <translation>{table}：内容不一致</translation>
    </message>
    <message>
        <source>Compared with the database: {tables} tables equal, {talents:,} talents, {entries:,} ledger entries (contents checksummed).</source>
        <translation>已与数据库逐表核对：{tables} 张表行数一致，人才 {talents:,} 人，台账 {entries:,} 条（内容校验和一致）。</translation>
    </message>
    <message>
        <source>The backup does not hold the same data as the database ({what}); it was discarded.</source>
        <translation>备份与数据库的数据不一致（{what}），已丢弃。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>文件夹为只读</translation>
    </message>
    <message>
        <source>the folder cannot be written to</source>
        <translation>无法写入该文件夹</translation>
    </message>
    <message>
        <source>{path} is the database in use (or one of its files); a backup cannot be written over it. Choose another file.</source>
        <translation>{path} 是正在使用的数据库（或其附属文件），不能把备份写在它上面。请另选文件。</translation>
    </message>
    <message>
        <source>{path} is a database that a program has open; a backup cannot be written over it.</source>
        <translation>{path} 是一个正被程序打开的数据库，不能把备份写在它上面。</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another name, or allow replacing it (--overwrite).</source>
        <translation>{path} 已存在。请换一个文件名，或允许覆盖（--overwrite）。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {error}</source>
        <translation>无法读取文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{name} is not a TalentDesk database (not a SQLite file).</source>
        <translation>{name} 不是本系统的数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be restored: {problem}</source>
        <translation>{name} 已损坏，无法恢复：{problem}</translation>
    </message>
    <message>
        <source>{name} is a database, but not a TalentDesk one.</source>
        <translation>{name} 是数据库，但不是本系统的数据库。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a database: {error}</source>
        <translation>无法将 {name} 作为数据库读取：{error}</translation>
    </message>
    <message>
        <source>{name} was made by a newer or unknown version of TalentDesk (schema {rev}); it cannot be restored with this version.</source>
        <translation>{name} 由更新或未知版本的程序生成（结构版本 {rev}），当前版本无法恢复。</translation>
    </message>
    <message>
        <source>The damaged database could not be set aside: {error}</source>
        <translation>无法另存损坏的数据库：{error}</translation>
    </message>
    <message>
        <source>The file lacks tables this version needs ({tables}); it cannot be restored.</source>
        <translation>该文件缺少本版本需要的数据表（{tables}），无法恢复。</translation>
    </message>
    <message>
        <source>{name} does not pass the checks, so it is not restored: {problems}</source>
        <translation>{name} 未通过检查，因此未恢复：{problems}</translation>
    </message>
    <message>
        <source>{name} cannot be restored: {error}</source>
        <translation>{name} 无法恢复：{error}</translation>
    </message>
    <message>
        <source>Another program is still reading the database, so it was not replaced; close the other program and try again.</source>
        <translation>另一个程序仍在读取数据库，因此未替换；请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>That is the database in use; choose a backup file.</source>
        <translation>这是正在使用的数据库，请选择备份文件。</translation>
    </message>
    <message>
        <source>The copy of the backup failed its integrity check.</source>
        <translation>备份副本未通过完整性检查。</translation>
    </message>
    <message>
        <source>The backup could not be copied: {error}</source>
        <translation>无法复制备份：{error}</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>Encryption at rest is for a database file on this PC. A server database (PostgreSQL) is protected by the server: its disk encryption, its accounts and TLS; this setting does not apply to it.</source>
        <translation>静态加密只用于本机上的数据库文件。服务器数据库（PostgreSQL）由服务器保护：其磁盘加密、账户和 TLS；此设置对它不适用。</translation>
    </message>
    <message>
        <source>The encrypted copy failed its integrity check; the database was left as it was.</source>
        <translation>加密副本未通过完整性检查；数据库保持原样。</translation>
    </message>
    <message>
        <source>The encrypted copy does not hold the same data as the database ({what}); the database was left as it was.</source>
        <translation>加密副本与数据库的数据不一致（{what}）；数据库保持原样。</translation>
    </message>
    <message>
        <source>Another program is reading the database, so it was not encrypted; close the other program and try again.</source>
        <translation>另一个程序正在读取数据库，因此未加密；请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The database is already encrypted.</source>
        <translation>数据库已经加密。</translation>
    </message>
    <message>
        <source>The user name or password is wrong, so the database was not encrypted; nothing was changed.</source>
        <translation>用户名或密码错误，数据库未加密；未做任何更改。</translation>
    </message>
    <message>
        <source>A database without accounts is encrypted only when its key can be kept in this PC's protected store; turn that on, or create an account first.</source>
        <translation>没有账户的数据库，只有当密钥可以保存在本机受保护的存储中时才能加密；请开启该选项，或先创建一个账户。</translation>
    </message>
    <message>
        <source>{name} is not a TalentDesk database, or it is encrypted with a key that is not unlocked here (a backup of another database, or its keys file is missing). Give its recovery key in TALENTDESK_RECOVERY_KEY (the window asks for it).</source>
        <translation>{name} 不是人才工作台数据库，或者它用本机尚未解锁的密钥加密（另一个数据库的备份，或缺少其密钥文件）。请在 TALENTDESK_RECOVERY_KEY 中提供其恢复密钥（窗口中会询问）。</translation>
    </message>
    <message>
        <source>{name} is encrypted. Log in with your account (or give the recovery key) to open it; nothing was opened or changed.</source>
        <translation>{name} 已加密。请用您的账户登录（或提供恢复密钥）后打开；未打开或更改任何内容。</translation>
    </message>
    <message>
        <source>The keys file {name} beside the encrypted database is missing. Open the database with its recovery key (talentdesk encryption recover), which writes it again.</source>
        <translation>加密数据库旁的密钥文件 {name} 缺失。请用恢复密钥打开数据库（talentdesk encryption recover），密钥文件会重新写出。</translation>
    </message>
    <message>
        <source>The keys file {name} cannot be read: {error}</source>
        <translation>无法读取密钥文件 {name}：{error}</translation>
    </message>
    <message>
        <source>{name} is not a TalentDesk keys file.</source>
        <translation>{name} 不是人才工作台的密钥文件。</translation>
    </message>
    <message>
        <source>That is not a recovery key: it has the form TDRK-XXXX-XXXX-… with 13 groups of four letters and digits.</source>
        <translation>这不是恢复密钥：恢复密钥形如 TDRK-XXXX-XXXX-…，共 13 组，每组四个字母或数字。</translation>
    </message>
    <message>
        <source>The database key could not be stored safely on this PC.</source>
        <translation>数据库密钥无法安全地保存在本机。</translation>
    </message>
    <message>
        <source>The user name or password is wrong, so the encrypted database stays closed; nothing was changed.</source>
        <translation>用户名或密码错误，加密的数据库保持关闭；未做任何更改。</translation>
    </message>
    <message>
        <source>This recovery key does not open {name}; nothing was changed.</source>
        <translation>此恢复密钥无法打开 {name}；未做任何更改。</translation>
    </message>
    <message>
        <source>This database is encrypted: give your user name with --user NAME (the password is read from TALENTDESK_PASSWORD or asked for), or its recovery key in TALENTDESK_RECOVERY_KEY.</source>
        <translation>此数据库已加密：请用 --user 用户名 给出您的用户名（密码从 TALENTDESK_PASSWORD 读取或当场询问），或在 TALENTDESK_RECOVERY_KEY 中提供恢复密钥。</translation>
    </message>
    <message>
        <source>The database and its {n} backups are now encrypted.</source>
        <translation>数据库及其 {n} 个备份现已加密。</translation>
    </message>
    <message>
        <source>RECOVERY KEY (shown only now; print it or write it down, and keep it locked away from the PC): {key}</source>
        <translation>恢复密钥（只显示这一次；请打印或抄下，并锁存在远离电脑的地方）：{key}</translation>
    </message>
    <message>
        <source>With it the database and every backup can be opened when all passwords are lost: talentdesk encryption recover USER.</source>
        <translation>所有密码都遗失时，可用它打开数据库和每个备份：talentdesk encryption recover 用户名。</translation>
    </message>
    <message>
        <source>These accounts need a new password from an administrator before they can open the database: {names}</source>
        <translation>以下账户需要管理员重设密码后才能打开数据库：{names}</translation>
    </message>
    <message>
        <source>A server database: encryption at rest is the server's (this setting does not apply).</source>
        <translation>服务器数据库：静态加密由服务器负责（此设置不适用）。</translation>
    </message>
    <message>
        <source>Not encrypted (single-user mode without encryption).</source>
        <translation>未加密（单用户模式，未开启加密）。</translation>
    </message>
    <message>
        <source>Encrypted (SQLCipher). Accounts that can open it: {ok}.</source>
        <translation>已加密（SQLCipher）。可以打开它的账户：{ok}。</translation>
    </message>
    <message>
        <source>The key is also kept in this PC's protected store (single-user mode).</source>
        <translation>密钥也保存在本机受保护的存储中（单用户模式）。</translation>
    </message>
    <message>
        <source>Accounts that need a new password from an administrator first: {names}</source>
        <translation>需要先由管理员重设密码的账户：{names}</translation>
    </message>
    <message>
        <source>{path} is not encrypted; there is nothing to recover with a recovery key.</source>
        <translation>{path} 未加密；无需用恢复密钥恢复。</translation>
    </message>
    <message>
        <source>No recovery key: set {env} or run the command in a terminal.</source>
        <translation>没有恢复密钥：请设置 {env}，或在终端中运行此命令。</translation>
    </message>
    <message>
        <source>Recovery key: </source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <source>Opened with the recovery key. New password set for {name}; they must change it at the next login.</source>
        <translation>已用恢复密钥打开。已为 {name} 设置新密码；下次登录时须修改。</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encryption at rest</source>
        <translation>静态加密</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Encrypt with this PC's key store</source>
        <translation>用本机密钥存储加密</translation>
    </message>
    <message>
        <source>Single-user mode: the database and its backups are encrypted, and the key is kept in this PC's protected store, so the file opens here without a password and nowhere else without the recovery key.</source>
        <translation>单人模式：数据库及其备份会被加密，密钥保存在本机受保护的存储中；在本机打开无需密码，在其他地方没有恢复密钥则打不开。</translation>
    </message>
    <message>
        <source>This is a server database: it is protected by the server (its disk encryption, accounts and TLS). TalentDesk does not encrypt it.</source>
        <translation>这是服务器数据库：由服务器保护（其磁盘加密、账户和 TLS）。人才工作台不对它加密。</translation>
    </message>
    <message>
        <source>The database file is not encrypted. It is encrypted as soon as the first account is created (Safety → Accounts); in single-user mode it can be encrypted with the key kept on this PC.</source>
        <translation>数据库文件未加密。建立第一个账号时（数据安全 → 账号管理）会立即加密；单人模式下也可以加密，并把密钥保存在本机。</translation>
    </message>
    <message>
        <source>The database file and its backups are encrypted. Accounts that can open it: {names}.</source>
        <translation>数据库文件及其备份已加密。可以打开它的账户：{names}。</translation>
    </message>
    <message>
        <source>The key is kept in this PC's protected store (single-user mode).</source>
        <translation>密钥保存在本机受保护的存储中（单人模式）。</translation>
    </message>
    <message>
        <source>These accounts need a new password from an administrator before they can open it: {names}</source>
        <translation>以下账户需要管理员重设密码后才能打开它：{names}</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
</context>
<context>
    <name>EncryptionUi</name>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>Enter the recovery key (TDRK-…) printed when the database was encrypted:</source>
        <translation>请输入数据库加密时打印的恢复密钥（TDRK-…）：</translation>
    </message>
    <message>
        <source>The account that gets a new password:</source>
        <translation>要设置新密码的账户：</translation>
    </message>
    <message>
        <source>New password (at least {n} characters):</source>
        <translation>新密码（至少 {n} 个字符）：</translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation>没有名为 {name} 的账户。</translation>
    </message>
    <message>
        <source>New password set for {name}. Log in with it; you will be asked to choose your own.</source>
        <translation>已为 {name} 设置新密码。请用它登录；登录后会要求您设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>Exclusive</name>
    <message>
        <source>A backup of this database is running; the change waits until it has finished…</source>
        <translation>正在备份此数据库；本次修改将等待备份完成…</translation>
    </message>
    <message>
        <source>A restore of this database is running; the change waits until it has finished…</source>
        <translation>正在恢复此数据库；本次修改将等待恢复完成…</translation>
    </message>
    <message>
        <source>The database is being upgraded; the change waits until it has finished…</source>
        <translation>数据库正在升级；本次修改将等待升级完成…</translation>
    </message>
    <message>
        <source>Waiting for other programs to finish saving to this database…</source>
        <translation>正在等待其他程序完成对此数据库的保存…</translation>
    </message>
    <message>
        <source>Another program kept the database busy for more than {minutes} minutes (a backup, restore or long import); nothing was changed. Try again when it has finished.</source>
        <translation>另一个程序占用数据库已超过 {minutes} 分钟（备份、恢复或长时间导入），未做任何修改。请在其完成后重试。</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
    <message>
        <source>The newest backup that passes these checks is {path}. Restore it with: talentdesk restore "{path}"</source>
        <translation>通过上述检查的最新备份为 {path}。恢复命令：talentdesk restore "{path}"</translation>
    </message>
    <message>
        <source>No backup that passes these checks was found.</source>
        <translation>未找到通过上述检查的备份。</translation>
    </message>
    <message>
        <source>Payment batches match their payment orders</source>
        <translation>发放批次与付款单一致</translation>
    </message>
    <message>
        <source>Reversal entry {id} does not exactly cancel entry {target}.</source>
        <translation>冲销分录 {id} 与被冲销分录 {target} 金额不相抵。</translation>
    </message>
    <message>
        <source>Entry {id} names a different talent than its grant {grant}.</source>
        <translation>分录 {id} 所记人才与补贴核定 {grant} 不一致。</translation>
    </message>
    <message>
        <source>Payment order {id} ({status}) does not match its ledger entry {entry}.</source>
        <translation>支付单 {id}（{status}）与台账分录 {entry} 不一致。</translation>
    </message>
    <message>
        <source>Grant {grant}: the net amount paid ({paid} fen) is outside 0 … the approved total ({total} fen).</source>
        <translation>补贴核定 {grant}：净支付额（{paid} 分）超出 0 至核定总额（{total} 分）的范围。</translation>
    </message>
    <message>
        <source>Batch {batch} line {line}: {problem}</source>
        <translation>批次 {batch} 第 {line} 行：{problem}</translation>
    </message>
    <message>
        <source>its payment order {order} does not exist.</source>
        <translation>对应的付款单 {order} 不存在。</translation>
    </message>
    <message>
        <source>the line says {line} fen, its payment order {order} {paid} fen.</source>
        <translation>本行金额为 {line} 分，而付款单 {order} 为 {paid} 分。</translation>
    </message>
    <message>
        <source>its payment order {order} is for another grant or talent.</source>
        <translation>对应的付款单 {order} 属于另一项补贴核定或另一位人才。</translation>
    </message>
    <message>
        <source>the line is {line} but its payment order {order} is {paid}.</source>
        <translation>本行状态为“{line}”，而付款单 {order} 为“{paid}”。</translation>
    </message>
    <message>
        <source>the line is {line} but its payment order {order} is still {paid}.</source>
        <translation>本行状态为“{line}”，而付款单 {order} 仍为“{paid}”。</translation>
    </message>
    <message>
        <source>Batch {batch} is {state} but {n} of its lines are {line}.</source>
        <translation>批次 {batch} 的状态为“{state}”，但其中 {n} 行为“{line}”。</translation>
    </message>
    <message>
        <source>Instalment {id} is in {n} live batch lines at once (it could be paid twice).</source>
        <translation>分期记录 {id} 同时出现在 {n} 个有效的批次行中（可能重复发放）。</translation>
    </message>
    <message>
        <source>The guard that forbids {verb} on {table} is missing.</source>
        <translation>{table} 表缺少禁止 {verb} 的保护触发器。</translation>
    </message>
    <message>
        <source>The guard {name} on {table} was replaced by a different definition: {sql}</source>
        <translation>{table} 上的保护触发器 {name} 被换成了另一个定义：{sql}</translation>
    </message>
    <message>
        <source>An unexpected trigger {name} hooks {table}: {sql}</source>
        <translation>{table} 上有一个不应存在的触发器 {name}：{sql}</translation>
    </message>
    <message>
        <source>account {id}</source>
        <translation>账号 {id}</translation>
    </message>
    <message>
        <source>office key {id}</source>
        <translation>单位密钥 {id}</translation>
    </message>
    <message>
        <source>approval request {id}</source>
        <translation>审批申请 {id}</translation>
    </message>
    <message>
        <source>payment order {id}</source>
        <translation>支付单 {id}</translation>
    </message>
    <message>
        <source>ledger entry {id}</source>
        <translation>台账分录 {id}</translation>
    </message>
    <message>
        <source>certificate {id}</source>
        <translation>凭证 {id}</translation>
    </message>
    <message>
        <source>audit entry {id}</source>
        <translation>操作日志 {id}</translation>
    </message>
    <message>
        <source>The chain head {head} kept with backup {name} is not in this database's chain: its history was rewritten after that backup.</source>
        <translation>备份 {name} 旁保存的链头 {head} 不在此数据库的链中：这份备份之后，历史记录被改写过。</translation>
    </message>
    <message>
        <source>The chain head {head} from paper is not in this database's chain: its history was rewritten after that paper was printed (or the head was misread).</source>
        <translation>纸上的链头 {head} 不在此数据库的链中：打印之后历史记录被改写过（或链头抄错了）。</translation>
    </message>
    <message>
        <source>The hash chain was removed from the file.</source>
        <translation>哈希链已被从文件中删除。</translation>
    </message>
    <message>
        <source>link #{link} was edited (its hash does not follow from the link before it)</source>
        <translation>第 {link} 环被改动过（它的指纹与前一环对不上）</translation>
    </message>
    <message>
        <source>{record} was changed after it was written (link #{link})</source>
        <translation>{record} 在写入后被改动（第 {link} 环）</translation>
    </message>
    <message>
        <source>{record} was deleted (link #{link})</source>
        <translation>{record} 已被删除（第 {link} 环）</translation>
    </message>
    <message>
        <source>{record} is not in the chain: it was written outside TalentDesk</source>
        <translation>{record} 不在链中：它是在 TalentDesk 之外写入的</translation>
    </message>
    <message>
        <source>{record} is linked twice (link #{link})</source>
        <translation>{record} 在链中出现了两次（第 {link} 环）</translation>
    </message>
    <message>
        <source>The first broken link is #{link}: {problem}</source>
        <translation>第一个断开的地方是第 {link} 环：{problem}</translation>
    </message>
    <message>
        <source>Every account was removed from the file outside TalentDesk: this database has accounts and will not open without them.</source>
        <translation>所有账号都在 TalentDesk 之外被从文件中删除：此数据库有账号，没有账号不能打开。</translation>
    </message>
    <message>
        <source>SQLite integrity check</source>
        <translation>SQLite 完整性检查</translation>
    </message>
    <message>
        <source>{table} row {row} points to a missing {parent} record.</source>
        <translation>{table} 第 {row} 行引用的 {parent} 记录不存在。</translation>
    </message>
    <message>
        <source>Links between records</source>
        <translation>记录间关联</translation>
    </message>
    <message>
        <source>Hash chain (head {head}): every link, and the records of {county}</source>
        <translation>哈希链（链头 {head}）：全部链节点，以及 {county} 的记录</translation>
    </message>
    <message>
        <source>{n} records of other counties in the chain are not readable with this server role (row-level security): their content is verified when a city role or the database's owner runs check</source>
        <translation>链上有 {n} 条其他县区的记录，本服务器角色无权读取（行级安全）：其内容由市级角色或数据库所有者运行 check 时核对</translation>
    </message>
    <message>
        <source>no county (this server role is given to none)</source>
        <translation>无县区（此服务器角色未登记到任何县区）</translation>
    </message>
    <message>
        <source>Ledger balances and reversals</source>
        <translation>台账余额与冲销</translation>
    </message>
    <message>
        <source>Certificate serial {serial} is used {n} times.</source>
        <translation>凭证编号 {serial} 被使用了 {n} 次。</translation>
    </message>
    <message>
        <source>Certificate serials unique</source>
        <translation>凭证编号唯一</translation>
    </message>
    <message>
        <source>Append-only guards on ledger and audit trail</source>
        <translation>台账与操作日志的只增保护</translation>
    </message>
    <message>
        <source>Hash chain (head {head})</source>
        <translation>哈希链（链头 {head}）</translation>
    </message>
    <message>
        <source>Reading the database</source>
        <translation>读取数据库</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>The public key file {path} cannot be read: {error}</source>
        <translation>无法读取公钥文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not a public key file.</source>
        <translation>{path} 不是公钥文件。</translation>
    </message>
    <message>
        <source>{path} is not a TalentDesk office key (Ed25519).</source>
        <translation>{path} 不是 TalentDesk 单位密钥（Ed25519）。</translation>
    </message>
    <message>
        <source>The office key on this PC cannot be read: {error}</source>
        <translation>无法读取本机的单位密钥：{error}</translation>
    </message>
    <message>
        <source>The office key on this PC does not belong to this database.</source>
        <translation>本机的单位密钥不属于此数据库。</translation>
    </message>
    <message>
        <source>The office key could not be stored safely on this PC.</source>
        <translation>无法在本机安全地保存单位密钥。</translation>
    </message>
    <message>
        <source>The office key is not on this PC, so the old certificate key cannot be moved out of the database. Import the office key first (talentdesk key import).</source>
        <translation>本机没有单位密钥，所以无法把旧的凭证密钥移出数据库。请先导入单位密钥（talentdesk key import）。</translation>
    </message>
    <message>
        <source>The office signing key (fingerprint {fp}) is not on this PC, so nothing can be signed here. Import it with: talentdesk key import FILE</source>
        <translation>本机没有单位签名密钥（指纹 {fp}），因此无法在本机签名。请导入：talentdesk key import 文件</translation>
    </message>
    <message>
        <source>The export password needs at least {n} characters.</source>
        <translation>导出密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The key could not be written to {path}: {error}</source>
        <translation>无法把密钥写入 {path}：{error}</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read: {error}</source>
        <translation>无法读取密钥文件 {path}：{error}</translation>
    </message>
    <message>
        <source>The password is wrong (or the key file was altered).</source>
        <translation>密码错误（或密钥文件被改动过）。</translation>
    </message>
    <message>
        <source>{path} is not an exported TalentDesk office key.</source>
        <translation>{path} 不是导出的 TalentDesk 单位密钥。</translation>
    </message>
    <message>
        <source>This key (fingerprint {fp}) is not the office key of this database.</source>
        <translation>此密钥（指纹 {fp}）不是本数据库的单位密钥。</translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>The database {path} is already open in another copy of TalentDesk. Close that copy first.</source>
        <translation>数据库 {path} 已在另一个程序窗口中打开，请先关闭该窗口。</translation>
    </message>
    <message>
        <source>The database is already open in TalentDesk on computer {host} by user {user} (process {pid}, since {since}). Close that copy first; two copies writing at once could lose work.</source>
        <translation>数据库已被计算机 {host} 上的用户 {user} 打开（进程 {pid}，自 {since} 起）。请先关闭该程序；两个程序同时写入可能造成数据丢失。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>TalentDesk — locked</source>
        <translation>人才工作台 — 已锁定</translation>
    </message>
    <message>
        <source>TalentDesk — log in</source>
        <translation>人才工作台 — 登录</translation>
    </message>
    <message>
        <source>Talent work office</source>
        <translation>人才工作办公室</translation>
    </message>
    <message>
        <source>The window was locked after a period of inactivity. Enter your password to continue.</source>
        <translation>长时间未操作，窗口已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>Log in with your account to open the talent records.</source>
        <translation>请使用您的账户登录，以打开人才档案。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Exit TalentDesk</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Forgot the password? Recovery key…</source>
        <translation>忘记密码？使用恢复密钥…</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>Only the person who was working can unlock this window.</source>
        <translation>只有锁定前正在使用的人员才能解锁此窗口。</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>An administrator reset your password. Choose your own (at least {n} characters):</source>
        <translation>管理员已重置您的密码，请设置您自己的密码（至少 {n} 个字符）：</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>This is the first account, so it is an administrator. From the next start TalentDesk asks everyone to log in.</source>
        <translation>这是第一个账户，将设为管理员。下次启动起，所有人都需要登录。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>确认密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
    <name>PgTools</name>
    <message>
        <source>The restored database fails its check:</source>
        <translation>恢复后的数据库未通过检查：</translation>
    </message>
    <message>
        <source>Restored {source} into {target}; the full check passes.</source>
        <translation>已将 {source} 恢复到 {target}，完整检查通过。</translation>
    </message>
</context>
<context>
    <name>Placing</name>
    <message>
        <source>{name} was saved when the program stopped, but the file itself is missing: print or export it again.</source>
        <translation>程序停止时 {name} 已保存，但文件本身缺失：请重新打印或导出。</translation>
    </message>
    <message>
        <source>{name} is open in another program, so the file saved before the program stopped could not be put in place; close it there, it is put in place at the next start.</source>
        <translation>{name} 正在另一个程序中打开，程序停止前保存的文件无法放到位；请在那里关闭它，下次启动时会放到位。</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key — shown only now</source>
        <translation>恢复密钥——只显示这一次</translation>
    </message>
    <message>
        <source>The database and its {n} backups are now encrypted: a lost USB stick or a stolen PC gives away nothing. Each account opens it with its own password.

If every password is lost, only this recovery key opens the database and its backups. Print it or write it down now, and keep it locked away from the PC (for example in the office safe with the seal). TalentDesk will not show it again.</source>
        <translation>数据库及其 {n} 个备份现已加密：U 盘丢失或电脑被盗也不会泄露任何信息。每个账户用自己的密码打开。

如果所有密码都遗失，只有这个恢复密钥能打开数据库及其备份。请现在打印或抄下，并锁存在远离电脑的地方（例如与公章一起放在办公室保险柜中）。人才工作台不会再次显示它。</translation>
    </message>
    <message>
        <source>These accounts need a new password from an administrator before they can open the database: {names}</source>
        <translation>以下账户需要管理员重设密码后才能打开数据库：{names}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>我已打印或抄下恢复密钥</translation>
    </message>
    <message>
        <source>TalentDesk recovery key for {name}

{key}

Keep locked away from the PC.</source>
        <translation>人才工作台恢复密钥（{name}）

{key}

请锁存在远离电脑的地方。</translation>
    </message>
</context>
<context>
    <name>SafetyCli</name>
    <message>
        <source>This database has accounts: give your user name with --user NAME (the password is read from TALENTDESK_PASSWORD or asked for).</source>
        <translation>该数据库已启用账户：请用 --user 用户名 指定账户（密码从 TALENTDESK_PASSWORD 读取，或在提示时输入）。</translation>
    </message>
    <message>
        <source>No password: set TALENTDESK_PASSWORD or run the command in a terminal to be asked.</source>
        <translation>未提供密码：请设置 TALENTDESK_PASSWORD，或在终端中运行命令以输入密码。</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>No password was entered.</source>
        <translation>未输入密码。</translation>
    </message>
    <message>
        <source>There is already a database at {path}; nothing was changed.</source>
        <translation>{path} 处已有数据库；未做任何改动。</translation>
    </message>
    <message>
        <source>Created an empty database at {path}.</source>
        <translation>已在 {path} 新建空数据库。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Backup written and checked: {path} ({size:,} bytes)</source>
        <translation>备份已完成并通过检查：{path}（{size:,} 字节）</translation>
    </message>
    <message>
        <source>Copied to: {path}</source>
        <translation>已复制到：{path}</translation>
    </message>
    <message>
        <source>Restored {source} ({talents} talents, {entries} ledger entries). The previous database was saved as {backup}.</source>
        <translation>已恢复 {source}（人才 {talents} 人，台账分录 {entries} 条）。原数据库已另存为 {backup}。</translation>
    </message>
    <message>
        <source>Talent #{id}: the watch list's stored signals differ from the data.</source>
        <translation>人才 #{id}：流失风险名单保存的信号与数据不一致。</translation>
    </message>
    <message>
        <source>Recompute them with: talentdesk watch-list --rebuild</source>
        <translation>可用以下命令重新计算：talentdesk watch-list --rebuild</translation>
    </message>
    <message>
        <source>Watch list's stored signals against the data ({n} talents with a signal today)</source>
        <translation>流失风险名单保存的信号与数据核对（今天有信号的人才 {n} 人）</translation>
    </message>
    <message>
        <source>No new password: set {env} or run the command in a terminal.</source>
        <translation>未提供新密码：请设置 {env}，或在终端中运行命令。</translation>
    </message>
    <message>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <source>Repeat the new password: </source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>There is no account named {name}.</source>
        <translation>不存在名为 {name} 的账户。</translation>
    </message>
    <message>
        <source>No accounts: the database is in single-user mode.</source>
        <translation>尚无账户：数据库处于单用户模式。</translation>
    </message>
    <message>
        <source>Account {name} created with role {role}.</source>
        <translation>已创建账户 {name}，角色为 {role}。</translation>
    </message>
    <message>
        <source>This is the first account, so it is an administrator; from now on every command that reads or changes data needs --user.</source>
        <translation>这是第一个账户，已设为管理员；今后凡读取或修改数据的命令都需要 --user。</translation>
    </message>
    <message>
        <source>New password set for {name}; they must change it at the next login.</source>
        <translation>已为 {name} 设置新密码，其下次登录时须修改密码。</translation>
    </message>
    <message>
        <source>Account {name} unlocked.</source>
        <translation>账户 {name} 已解锁。</translation>
    </message>
    <message>
        <source>Account {name} now has role {role}.</source>
        <translation>账户 {name} 的角色已改为 {role}。</translation>
    </message>
</context>
<context>
    <name>SafetyMenu</name>
    <message>
        <source>&amp;Safety</source>
        <translation>数据安全(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Backup and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <source>A&amp;ccounts…</source>
        <translation>账户管理(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Encryption…</source>
        <translation>加密(&amp;E)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <source>Single-user mode</source>
        <translation>单用户模式</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password (at least {n} characters):</source>
        <translation>新密码（至少 {n} 个字符）：</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>TalentDesk</source>
        <translation>TalentDesk</translation>
    </message>
    <message>
        <source>The database failed its integrity check and may be damaged:
{problem}</source>
        <translation>数据库未通过完整性检查，可能已损坏：
{problem}</translation>
    </message>
    <message>
        <source>No good backup was found. Copy the file {path} and ask for support.</source>
        <translation>未找到完好的备份。请复制文件 {path} 并联系技术支持。</translation>
    </message>
    <message>
        <source>The newest good backup is {name}. Restore it? The damaged file is kept aside.</source>
        <translation>最新的完好备份为 {name}。是否恢复？损坏的文件将另行保留。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Database server password</source>
        <translation>数据库服务器密码</translation>
    </message>
    <message>
        <source>{problem}

Password for {user} on {server}:</source>
        <translation>{problem}

{server} 上用户 {user} 的密码：</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation>无法写入备份：{error}</translation>
    </message>
    <message>
        <source>The backup copy failed its integrity check; it was discarded.</source>
        <translation>备份副本未通过完整性检查，已丢弃。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>新增账户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until {t} UTC</source>
        <translation>锁定至 {t}（UTC）</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No accounts yet: TalentDesk runs in single-user mode. Create the first account (an administrator) to require logins.</source>
        <translation>尚未建立账户：程序处于单用户模式。创建第一个账户（管理员）后即需登录使用。</translation>
    </message>
    <message>
        <source>Administrators manage accounts, settings and restores; clerks enter and edit; approvers approve payments; viewers only read, with ID numbers masked.</source>
        <translation>管理员负责账户、设置和数据恢复；录入员负责录入和修改；审批员负责审批支付；查询员只能查看，身份证号等信息以掩码显示。</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>{name} 的新密码</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Clerk (enter and edit)</source>
        <translation>录入员（录入和修改）</translation>
    </message>
    <message>
        <source>Approver (approve payments)</source>
        <translation>审批员（审批支付）</translation>
    </message>
    <message>
        <source>Viewer (read only, masked)</source>
        <translation>查询员（只读，信息掩码）</translation>
    </message>
</context>
</TS>