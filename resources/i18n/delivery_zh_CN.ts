<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About TalentDesk</source>
        <translation>关于 TalentDesk</translation>
    </message>
    <message>
        <source>Talent records, subsidy ledger, mentor board and growth timeline for the county talent work office. Works on this PC without a network.</source>
        <translation>县人才工作办公室的人才档案、补贴台账、导师结对和成长轨迹管理程序。在本机运行，无需联网。</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <source>{when} ({file})</source>
        <translation>{when}（{file}）</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>最近备份：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>运行环境：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Who uses TalentDesk</source>
        <translation>使用的人</translation>
    </message>
    <message>
        <source>With accounts, everyone signs in and every change records who made it.</source>
        <translation>设置账号后，每个人都要登录，每一处修改都会记下是谁做的。</translation>
    </message>
    <message>
        <source>Only me on this PC — no sign-in (you can add accounts later)</source>
        <translation>只有我在这台电脑上使用，不用登录（以后可以再添加账号）</translation>
    </message>
    <message>
        <source>Several people — create the administrator account now</source>
        <translation>多人使用，现在创建管理员账号</translation>
    </message>
    <message>
        <source>for example: admin</source>
        <translation>例如：admin</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Please enter a user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <source>Please enter a password.</source>
        <translation>请填写密码。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>TalentDesk backs up the database every day and before every upgrade, import and restore.</source>
        <translation>程序每天自动备份数据库，升级、导入和恢复之前也会先备份。</translation>
    </message>
    <message>
        <source>Automatic backups are kept beside the database in:
{folder}

A copy on a second disk (a USB stick or another drive) survives a broken PC. Leave the field empty if you have no second disk yet.</source>
        <translation>自动备份保存在数据库旁边的文件夹中：
{folder}

在第二块磁盘（U 盘或另一块硬盘）上再存一份，电脑损坏时数据也不会丢失。暂时没有第二块磁盘可以不填。</translation>
    </message>
    <message>
        <source>no second copy</source>
        <translation>不另存副本</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Also copy each backup to this folder:</source>
        <translation>每次备份时另存一份到此文件夹：</translation>
    </message>
    <message>
        <source>Folder for backup copies</source>
        <translation>备份副本文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Please choose a complete folder path, for example D:\TalentDesk backups.</source>
        <translation>请选择完整的文件夹路径，例如 D:\TalentDesk 备份。</translation>
    </message>
    <message>
        <source>This is already the automatic backup folder. Choose another disk, for example a USB stick.</source>
        <translation>这已经是自动备份文件夹了，请选择另一块磁盘，例如 U 盘。</translation>
    </message>
    <message>
        <source>Backups cannot be written to {folder}: {error}</source>
        <translation>无法把备份写入 {folder}：{error}</translation>
    </message>
    <message>
        <source>Set up TalentDesk</source>
        <translation>设置 TalentDesk</translation>
    </message>
    <message>
        <source>Opening the set-up…</source>
        <translation>正在打开设置向导…</translation>
    </message>
    <message>
        <source>Preparing the practice database…</source>
        <translation>正在准备练习数据库…</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>TalentDesk user guide</source>
        <translation>TalentDesk 使用说明</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Whole guide</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>Print or save every topic, not only the one shown</source>
        <translation>打印或保存全部主题，而不只是当前显示的主题</translation>
    </message>
    <message>
        <source>Find in this topic</source>
        <translation>在本主题中查找</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>MoveInGuide</name>
    <message>
        <source>Rows</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期</translation>
    </message>
    <message>
        <source>Service years</source>
        <translation>服务期（年）</translation>
    </message>
    <message>
        <source>Clawback rule</source>
        <translation>追回规则</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Excludes</source>
        <translation>不可同时享受</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Newcomer</source>
        <translation>新引进人才</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对类型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Apartment</source>
        <translation>公寓</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Move-in</source>
        <translation>入住</translation>
    </message>
    <message>
        <source>Move-out</source>
        <translation>退房</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>1. Policies</source>
        <translation>1. 补贴政策</translation>
    </message>
    <message>
        <source>The policy table: name, 文号, kind, amounts by tier and education, instalments, clawback rule, policies that exclude each other. Payments name their policy, so it comes first.</source>
        <translation>政策表：名称、文号、种类、按人才类别和学历的金额、发放期数、追回规则、互斥政策。发放记录要引用政策，所以先导入政策。</translation>
    </message>
    <message>
        <source>2. Talents</source>
        <translation>2. 人才档案</translation>
    </message>
    <message>
        <source>The roster: name, ID number, tier, employer, arrival date … Every later file finds the person by ID number.</source>
        <translation>人才花名册：姓名、身份证号、人才类别、用人单位、到岗日期……之后的每个文件都按身份证号找人。</translation>
    </message>
    <message>
        <source>3. Payments</source>
        <translation>3. 历史发放记录</translation>
    </message>
    <message>
        <source>One row per payment ever made. Grants and their schedules are created from the policy; then check the totals on the ledger&apos;s Reconciliation page against the finance bureau&apos;s.</source>
        <translation>每笔已发放的补贴一行。补贴核定和分期按政策自动建立；导入后在补贴台账的“对账”页与财政局的数字逐项核对。</translation>
    </message>
    <message>
        <source>4. Mentor pairings</source>
        <translation>4. 导师结对</translation>
    </message>
    <message>
        <source>Mentor, newcomer, role, start and end. Mentors not yet in the pool are added.</source>
        <translation>导师、被帮带人才、结对类型、开始和结束日期。导师库中没有的导师会自动添加。</translation>
    </message>
    <message>
        <source>5. Care cases</source>
        <translation>5. 关爱服务</translation>
    </message>
    <message>
        <source>Talent-apartment rooms with move-in and move-out, and other care cases with their status.</source>
        <translation>人才公寓的房号及入住、退房日期，以及其他关爱服务事项和办理状态。</translation>
    </message>
    <message>
        <source>Moving in the office&apos;s Excel files</source>
        <translation>迁入历史 Excel 数据</translation>
    </message>
    <message>
        <source>Bring the years kept in Excel into TalentDesk in this order. Download each template, copy your columns into it (or keep your own file: the usual column names are recognised), check it — every refused row is listed with its Excel row number and the reason — and import. Nothing is written while rows are refused unless you choose to skip them, and a backup is taken before each import. The user guide (F1, “Moving in”) explains each refusal.</source>
        <translation>请按以下顺序把多年来保存在 Excel 中的数据迁入人才工作台。下载各个模板，把数据粘贴进去（也可以直接用自己的表格：常用的列名都能识别），先检查——每一个被拒绝的行都会列出 Excel 行号和原因——再导入。有被拒绝的行时不会写入任何数据，除非选择跳过这些行；每次导入前都会先备份数据库。用户指南（F1，“迁入历史数据”）解释了每一种拒绝原因。</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>policies-template.xlsx</source>
        <translation>补贴政策模板.xlsx</translation>
    </message>
    <message>
        <source>talents-template.xlsx</source>
        <translation>人才花名册模板.xlsx</translation>
    </message>
    <message>
        <source>payments-template.xlsx</source>
        <translation>历史发放记录模板.xlsx</translation>
    </message>
    <message>
        <source>pairings-template.xlsx</source>
        <translation>导师结对模板.xlsx</translation>
    </message>
    <message>
        <source>care-template.xlsx</source>
        <translation>关爱服务模板.xlsx</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The template is saved as {path}. Fill in one row per record below the example (delete the example row).</source>
        <translation>模板已保存为 {path}。请在示例行下面每条记录填一行（并删除示例行）。</translation>
    </message>
    <message>
        <source>Import the policy table</source>
        <translation>导入补贴政策表</translation>
    </message>
    <message>
        <source>One row per policy with a column per tier (A类, B类 …), or one row per amount with 人才类别, 学历 and 金额.</source>
        <translation>每项政策一行，每个人才类别一列金额（A类、B类……）；或每个金额一行，填写人才类别、学历和金额。</translation>
    </message>
    <message>
        <source>Import the mentor pairings</source>
        <translation>导入导师结对名单</translation>
    </message>
    <message>
        <source>One row per pairing: mentor, newcomer&apos;s name and ID number, role (单位领导, 分管领导, 业务导师 …), start, end.</source>
        <translation>每个结对一行：导师、被帮带人才的姓名和身份证号、结对类型（单位领导、分管领导、业务导师……）、开始日期、结束日期。</translation>
    </message>
    <message>
        <source>Import the care cases</source>
        <translation>导入关爱服务台账</translation>
    </message>
    <message>
        <source>One row per case: name and ID number, kind, apartment and room, move-in and move-out, status (在住, 已退房, 办理中, 已办结), notes.</source>
        <translation>每个事项一行：姓名和身份证号、服务类型、公寓和房号、入住和退房日期、状态（在住、已退房、办理中、已办结）、备注。</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Your office</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>The name is printed at the top of every payment certificate and report.</source>
        <translation>单位名称打印在每一张发放凭证和报表的抬头上。</translation>
    </message>
    <message>
        <source>for example: Talent Work Office of X County</source>
        <translation>例如：某某县人才工作办公室</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <source>Please enter the office&apos;s name.</source>
        <translation>请填写单位名称。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>How do you want to begin?</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <source>Your own database is ready and empty.</source>
        <translation>您的正式数据库已经建好，目前是空的。</translation>
    </message>
    <message>
        <source>Start with an empty database and enter talents one by one</source>
        <translation>从空白数据库开始，逐个登记人才</translation>
    </message>
    <message>
        <source>Import the office&apos;s roster from an Excel file</source>
        <translation>从 Excel 文件导入办公室的人才名册</translation>
    </message>
    <message>
        <source>Move in all of the office&apos;s Excel files, in order: policies, talents, payments, mentor pairings, care cases (with a template for each)</source>
        <translation>按顺序迁入办公室的全部 Excel 数据：补贴政策、人才、历史发放、导师结对、关爱服务（每类都有模板）</translation>
    </message>
    <message>
        <source>Look around first in a practice database filled with made-up people</source>
        <translation>先在练习数据库中熟悉程序（其中的人员均为虚构）</translation>
    </message>
    <message>
        <source>The practice database is separate: nothing in it reaches your own data. Next time TalentDesk opens your own database again.</source>
        <translation>练习数据库与正式数据完全分开，在其中的操作不会影响您的数据。下次打开程序时会回到正式数据库。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to TalentDesk</source>
        <translation>欢迎使用 TalentDesk</translation>
    </message>
    <message>
        <source>A few questions before you start. The office&apos;s name and the backup folder can be changed later in File → Settings, accounts in Safety → Accounts.</source>
        <translation>开始前请回答几个问题。单位名称和备份文件夹以后可在“文件 → 设置”中修改，账户可在“数据安全 → 账户管理”中修改。</translation>
    </message>
    <message>
        <source>TalentDesk keeps the office&apos;s talent records, subsidy ledger, mentor pairings and growth records on this PC. It works without a network and backs the data up by itself.</source>
        <translation>人才工作台在本机保存本单位的人才档案、补贴台账、导师结对和成长记录。无需联网，并会自动备份数据。</translation>
    </message>
    <message>
        <source>This short set-up asks for the office&apos;s name, where to keep extra backup copies, whether several people will sign in, and how you want to begin.</source>
        <translation>接下来的简短设置会询问单位名称、额外备份的存放位置、是否多人登录使用，以及您想如何开始。</translation>
    </message>
    <message>
        <source>This short set-up asks for the office&apos;s name, where to keep extra backup copies and whether several people will sign in.</source>
        <translation>接下来的简短设置会询问单位名称、额外备份的存放位置，以及是否多人登录使用。</translation>
    </message>
</context>
</TS>
