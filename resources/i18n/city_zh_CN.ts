<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <source>The file could not be copied into the data folder: {reason}</source>
        <translation>文件无法复制到数据文件夹：{reason}</translation>
    </message>
</context>
<context>
    <name>CityCli</name>
    <message>
        <source>County {code} {name} added.</source>
        <translation>已添加县区 {code} {name}。</translation>
    </message>
    <message>
        <source>The server role {role} works for it.</source>
        <translation>服务器角色 {role} 归属该县区。</translation>
    </message>
    <message>
        <source>County {code} {name} saved.</source>
        <translation>已保存县区 {code} {name}。</translation>
    </message>
    <message>
        <source>The server role {role} works for county {code} {name}; row-level security keeps it to that county.</source>
        <translation>服务器角色 {role} 归属县区 {code} {name}；行级安全策略使它只能访问该县区的数据。</translation>
    </message>
    <message>
        <source>The server role {role} works for the city: it reads every county.</source>
        <translation>服务器角色 {role} 归属市级：可以查看所有县区。</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>批准补贴</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Clawed back</source>
        <translation>应追回</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Check-ins (12 months)</source>
        <translation>帮带记录（近12个月）</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未帮带</translation>
    </message>
    <message>
        <source>City total</source>
        <translation>全市合计</translation>
    </message>
    <message>
        <source>City roll-up as of {date}</source>
        <translation>全市汇总（截至 {date}）</translation>
    </message>
    <message>
        <source>Paid by two or more counties ({n}):</source>
        <translation>被两个及以上县区发放补贴的人员（{n} 人）：</translation>
    </message>
    <message>
        <source>Nobody is paid by two or more counties.</source>
        <translation>没有被两个及以上县区同时发放补贴的人员。</translation>
    </message>
</context>
<context>
    <name>CityTab</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>City total</source>
        <translation>全市合计</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>留存率</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>批准补贴</translation>
    </message>
    <message>
        <source>Fallen due</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Still owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Owed back</source>
        <translation>应追回</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Current pairings</source>
        <translation>在结对</translation>
    </message>
    <message>
        <source>Check-ins, 12 months</source>
        <translation>帮带记录（近12个月）</translation>
    </message>
    <message>
        <source>Check-ins overdue</source>
        <translation>逾期未帮带</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Name on file</source>
        <translation>档案姓名</translation>
    </message>
    <message>
        <source>Counties that paid</source>
        <translation>发放县区</translation>
    </message>
    <message>
        <source>Paid in all</source>
        <translation>合计已付</translation>
    </message>
    <message>
        <source>City</source>
        <translation>全市</translation>
    </message>
    <message>
        <source>Reading every county's figures…</source>
        <translation>正在读取各县区数据…</translation>
    </message>
    <message>
        <source>Roll-up of {n} counties as of {date}. Money in yuan; retention = in post ÷ (in post + left).</source>
        <translation>{n} 个县区汇总，截至 {date}。金额单位为元；留存率 = 在岗 ÷（在岗 + 已离开）。</translation>
    </message>
    <message>
        <source>{n} people are paid by two or more counties (the same ID number on file in each). Check that no subsidy is paid twice.</source>
        <translation>有 {n} 人被两个及以上县区发放补贴（同一身份证号在各县区都有档案）。请核实是否重复发放。</translation>
    </message>
    <message>
        <source>Nobody is paid by two or more counties.</source>
        <translation>没有被两个及以上县区同时发放补贴的人员。</translation>
    </message>
    <message>
        <source>Names and ID numbers are masked for your role.</source>
        <translation>按您的角色权限，姓名和身份证号已部分隐藏。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Password for {user} on {server}: </source>
        <translation>{server} 上用户 {user} 的密码：</translation>
    </message>
</context>
<context>
    <name>Counties</name>
    <message>
        <source>A county code is the 6 digits of its administrative division code (for example 330102); "{code}" is not.</source>
        <translation>县区代码是6位行政区划代码（例如 330102）；“{code}”不是。</translation>
    </message>
    <message>
        <source>A county's name has 1 to 60 characters.</source>
        <translation>县区名称为1到60个字符。</translation>
    </message>
    <message>
        <source>There is no county with code {code} in this database (it has: {known}).</source>
        <translation>这个数据库中没有代码为 {code} 的县区（现有：{known}）。</translation>
    </message>
    <message>
        <source>An account works either for a county or for the city, not both.</source>
        <translation>账号只能属于某个县区或市级，不能同时属于两者。</translation>
    </message>
    <message>
        <source>Only a city administrator makes city accounts.</source>
        <translation>只有市级管理员可以创建市级账号。</translation>
    </message>
    <message>
        <source>Your account works for its own county: it makes accounts of that county only.</source>
        <translation>您的账号属于本县区，只能创建本县区的账号。</translation>
    </message>
    <message>
        <source>This database holds several counties: name the county the account works for (its 6-digit code), or make it a city account.</source>
        <translation>这个数据库包含多个县区：请指定账号所属县区（6位代码），或将其设为市级账号。</translation>
    </message>
    <message>
        <source>Only the city's administrator manages the counties.</source>
        <translation>只有市级管理员可以管理县区。</translation>
    </message>
    <message>
        <source>A database file on one PC is one county's office. Several counties share a city's server database (see docs/city.md).</source>
        <translation>单机数据库文件只对应一个县区的办公室。多个县区共用的是市级服务器数据库（见 docs/city.md）。</translation>
    </message>
    <message>
        <source>There is already a county with code {code}.</source>
        <translation>已有代码为 {code} 的县区。</translation>
    </message>
    <message>
        <source>Server login roles belong to a PostgreSQL database; a database file has none.</source>
        <translation>服务器登录角色只存在于 PostgreSQL 数据库；数据库文件没有。</translation>
    </message>
    <message>
        <source>Name the county the role works for (its 6-digit code), or make it the city's.</source>
        <translation>请指定该角色所属的县区（6位代码），或将其设为市级。</translation>
    </message>
    <message>
        <source>"{role}" is not a server login role's name (letters, digits and _ only).</source>
        <translation>“{role}”不是有效的服务器登录角色名（只能用字母、数字和 _）。</translation>
    </message>
    <message>
        <source>Only the database's owner gives server roles to counties: connect as the owner.</source>
        <translation>只有数据库所有者可以把服务器角色分配给县区：请以所有者身份连接。</translation>
    </message>
    <message>
        <source>The server has no login role named {role}. Create it first (CREATE ROLE {role} LOGIN PASSWORD '…'), then give it to the county.</source>
        <translation>服务器上没有名为 {role} 的登录角色。请先创建（CREATE ROLE {role} LOGIN PASSWORD '…'），再分配给县区。</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <source>Where is the data?</source>
        <translation>数据放在哪里？</translation>
    </message>
    <message>
        <source>One PC keeps its own database file. Several clerks, or a city with several counties, share one database on a PostgreSQL server.</source>
        <translation>单台电脑使用自己的数据库文件；多名经办人员，或下辖多个县区的市级，共用 PostgreSQL 服务器上的一个数据库。</translation>
    </message>
    <message>
        <source>On this PC (a database file; the usual choice for one office)</source>
        <translation>在本机（数据库文件；一个办公室通常选这个）</translation>
    </message>
    <message>
        <source>On the office's or the city's database server (PostgreSQL)</source>
        <translation>在办公室或市里的数据库服务器上（PostgreSQL）</translation>
    </message>
    <message>
        <source>Test the connection to the server first.</source>
        <translation>请先测试与服务器的连接。</translation>
    </message>
</context>
<context>
    <name>Move</name>
    <message>
        <source>The stored copy of attachment {name} (No. {id}) is missing from the data folder {folder}; put the folder back or remove that attachment first. Nothing was copied.</source>
        <translation>附件 {name}（第 {id} 号）保存的文件在数据文件夹 {folder} 中找不到；请先把文件夹放回原处，或删除该附件。没有复制任何内容。</translation>
    </message>
    <message>
        <source>The stored copy of attachment {name} (No. {id}) is damaged: its content is not what was attached. Nothing was copied.</source>
        <translation>附件 {name}（第 {id} 号）保存的文件已损坏：内容与添加时不同。没有复制任何内容。</translation>
    </message>
    <message>
        <source>The two databases are at different schema versions ({source} and {target}); open both with this version of TalentDesk first. Nothing was copied.</source>
        <translation>两个数据库的结构版本不同（{source} 与 {target}），请先用本版 TalentDesk 分别打开一次。未复制任何数据。</translation>
    </message>
    <message>
        <source>{target} already holds data ({tables}); a move never writes over data. Choose an empty database (talentdesk --db … init). Nothing was copied.</source>
        <translation>{target} 中已有数据（{tables}），迁移绝不覆盖已有数据。请选择一个空数据库（talentdesk --db … init）。未复制任何数据。</translation>
    </message>
    <message>
        <source>The copy of table {table} does not match the original ({source} rows, {target} copied; checksums {a} and {b}); nothing was kept in {where}.</source>
        <translation>表 {table} 的副本与原表不一致（原有 {source} 行，复制 {target} 行；校验和 {a} 与 {b}），{where} 中未保留任何内容。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>源数据库和目标数据库是同一个。</translation>
    </message>
    <message>
        <source>Copied {rows:,} rows in {tables} tables from {source} to {target} in {seconds:.1f} s; every table's row count and checksum match.</source>
        <translation>已用 {seconds:.1f} 秒从 {source} 复制 {tables} 张表共 {rows:,} 行到 {target}；每张表的行数和校验和均一致。</translation>
    </message>
    <message>
        <source>A county is named by its 6-digit administrative division code (行政区划代码), such as 330102.</source>
        <translation>区县用 6 位行政区划代码表示，例如 330102。</translation>
    </message>
    <message>
        <source>--county moves one county between its office's file and a city's server database: one side must be a file, the other postgresql://….</source>
        <translation>--county 用于在区县的单机数据文件和市级服务器数据库之间搬迁一个区县：一端必须是数据文件，另一端是 postgresql://…。</translation>
    </message>
    <message>
        <source>County {code}: copied {rows:,} rows in {tables} tables from {source} to {target} in {seconds:.1f} s with new ids; every table's row count and content checksum match, the source's hash chain verified (head {source_head}) and the rows sealed into the target's (head {target_head}).</source>
        <translation>区县 {code}：用 {seconds:.1f} 秒把 {tables} 张表共 {rows:,} 行从 {source} 复制到 {target}，并分配了新编号；每张表的行数和内容校验和都一致，来源的哈希链已验证（链头 {source_head}），复制的记录已接入目标的哈希链（链头 {target_head}）。</translation>
    </message>
    <message>
        <source>{n} counties are in this file; a county's office file holds one.</source>
        <translation>此文件中有 {n} 个区县；一个区县的单机数据文件只应有一个。</translation>
    </message>
    <message>
        <source>{where} has no county with the code {code}; add it there first (talentdesk --db … city add-county {code} NAME). Nothing was copied.</source>
        <translation>{where} 中没有代码为 {code} 的区县；请先在那里添加（talentdesk --db … city add-county {code} 名称）。没有复制任何内容。</translation>
    </message>
    <message>
        <source>The hash chain of {where} does not verify ({problem}); run check there first. Nothing was copied.</source>
        <translation>{where} 的哈希链验证未通过（{problem}）；请先在那里运行 check。没有复制任何内容。</translation>
    </message>
    <message>
        <source>{target} already holds data; a county moves out into a new, empty file only. Nothing was copied.</source>
        <translation>{target} 中已有数据；区县只能迁出到一个新的空数据文件。没有复制任何内容。</translation>
    </message>
    <message>
        <source>County {code} already has data in {target} ({tables}); a move never writes over data. Nothing was copied.</source>
        <translation>区县 {code} 在 {target} 中已有数据（{tables}）；搬迁从不覆盖已有数据。没有复制任何内容。</translation>
    </message>
    <message>
        <source>The accounts {names} exist in {target} already (account names are unique across the city); rename them in the county's file first. Nothing was copied.</source>
        <translation>账号 {names} 在 {target} 中已存在（全市的账号名不能重复）；请先在该区县的数据文件中改名。没有复制任何内容。</translation>
    </message>
    <message>
        <source>County {code} moved in from {source} (its hash chain verified, head {head}): {rows:,} rows</source>
        <translation>区县 {code} 从 {source} 迁入（其哈希链已验证，链头 {head}）：{rows:,} 行</translation>
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
        <source>{tool} (PostgreSQL's own backup tool) is not installed on this PC; install the PostgreSQL client tools, or make a checked copy with: talentdesk move --from SERVER --to FILE</source>
        <translation>本机未安装 {tool}（PostgreSQL 自带的备份工具）；请安装 PostgreSQL 客户端工具，或用以下命令得到一份经过校验的副本：talentdesk move --from 服务器地址 --to 文件</translation>
    </message>
    <message>
        <source>{what} failed; nothing was changed: {error}</source>
        <translation>{what}失败，未做任何更改：{error}</translation>
    </message>
    <message>
        <source>Reading the backup</source>
        <translation>读取备份</translation>
    </message>
    <message>
        <source>{path} exists already; choose another name.</source>
        <translation>{path} 已存在，请换一个名称。</translation>
    </message>
    <message>
        <source>The backup (pg_dump)</source>
        <translation>备份（pg_dump）</translation>
    </message>
    <message>
        <source>The backup lacks the data of {tables}; it was not kept.</source>
        <translation>备份缺少 {tables} 的数据，未予保留。</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份。</translation>
    </message>
    <message>
        <source>{target} already holds data; a restore goes into an empty database (create one, then restore into it). Nothing was changed.</source>
        <translation>{target} 中已有数据；恢复只能恢复到空数据库（请新建一个再恢复）。未做任何更改。</translation>
    </message>
    <message>
        <source>The restore (pg_restore)</source>
        <translation>恢复（pg_restore）</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>{url} is not a database server address. Write it as postgresql://user@host:5432/database</source>
        <translation>{url} 不是数据库服务器地址。请写成 postgresql://用户名@主机:5432/数据库名</translation>
    </message>
    <message>
        <source>Only PostgreSQL servers are supported, not {scheme}.</source>
        <translation>只支持 PostgreSQL 服务器，不支持 {scheme}。</translation>
    </message>
    <message>
        <source>The server address {url} names no database. Write it as postgresql://user@host:5432/database</source>
        <translation>服务器地址 {url} 没有写数据库名。请写成 postgresql://用户名@主机:5432/数据库名</translation>
    </message>
    <message>
        <source>The port in {url} is not a number.</source>
        <translation>{url} 中的端口不是数字。</translation>
    </message>
    <message>
        <source>This copy of TalentDesk cannot connect to a PostgreSQL server: the psycopg driver is not installed (pip install "psycopg[binary]").</source>
        <translation>本程序无法连接 PostgreSQL 服务器：未安装 psycopg 驱动（pip install "psycopg[binary]"）。</translation>
    </message>
    <message>
        <source>the database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <source>The server {server} did not accept the user name {user} with this password; nothing was changed. Check the user name and password (ask the server's administrator).</source>
        <translation>服务器 {server} 不接受用户名 {user} 和这个密码，未做任何更改。请核对用户名和密码（可询问服务器管理员）。</translation>
    </message>
    <message>
        <source>The server {server} does not let this PC or user in (its pg_hba.conf has no entry for them). Ask the server's administrator to allow this PC.</source>
        <translation>服务器 {server} 不允许本机或该用户连接（pg_hba.conf 中没有对应条目）。请服务器管理员放行本机。</translation>
    </message>
    <message>
        <source>There is no database named {name} on the server {server}. Check the name, or ask the server's administrator to create it.</source>
        <translation>服务器 {server} 上没有名为 {name} 的数据库。请核对名称，或请服务器管理员创建。</translation>
    </message>
    <message>
        <source>The server refused this: the account has no permission for it (or the record belongs to another county). Nothing was changed.</source>
        <translation>服务器拒绝了此操作：该账号没有相应权限（或该记录属于其他县区）。未做任何更改。</translation>
    </message>
    <message>
        <source>The database server {server} cannot be reached (it is off, the address is wrong, or the network is down); nothing was changed. Check the address and the network, then try again.</source>
        <translation>无法连接数据库服务器 {server}（服务器未开机、地址有误或网络不通），未做任何更改。请检查地址和网络后重试。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to {server} could not be made: {error}</source>
        <translation>无法与 {server} 建立加密（TLS）连接：{error}</translation>
    </message>
    <message>
        <source>Fill in the server, the database and the user name.</source>
        <translation>请填写服务器、数据库和用户名。</translation>
    </message>
    <message>
        <source>The port must be a number (usually 5432).</source>
        <translation>端口必须是数字（通常为 5432）。</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <source>for example: 192.168.1.20</source>
        <translation>例如：192.168.1.20</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
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
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>已加密（TLS）</translation>
    </message>
    <message>
        <source>not encrypted: the server offers no TLS</source>
        <translation>未加密：服务器未提供 TLS</translation>
    </message>
    <message>
        <source>TalentDesk's data is there.</source>
        <translation>服务器上已有 TalentDesk 数据。</translation>
    </message>
    <message>
        <source>The database is empty; TalentDesk will set it up.</source>
        <translation>数据库为空，TalentDesk 将自动建立。</translation>
    </message>
    <message>
        <source>Connected to {address} (PostgreSQL {version}), {secure}. {data}</source>
        <translation>已连接 {address}（PostgreSQL {version}），{secure}。{data}</translation>
    </message>
    <message>
        <source>The connection failed: {error}</source>
        <translation>连接失败：{error}</translation>
    </message>
</context>
</TS>