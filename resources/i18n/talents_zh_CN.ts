<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Attachments</name>
    <message>
        <source>Attachments need a database file on this computer.</source>
        <translation>附件功能需要使用本机上的数据库文件。</translation>
    </message>
    <message>
        <source>This talent no longer exists.</source>
        <translation>该人才记录已不存在。</translation>
    </message>
    <message>
        <source>Unknown kind of attachment.</source>
        <translation>未知的附件类型。</translation>
    </message>
    <message>
        <source>Choose a file, not a folder.</source>
        <translation>请选择文件，而不是文件夹。</translation>
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
        <source>The file is larger than 200 MB.</source>
        <translation>文件超过 200 MB。</translation>
    </message>
    <message>
        <source>The file could not be copied into the data folder: {reason}</source>
        <translation>无法将文件复制到数据文件夹：{reason}</translation>
    </message>
    <message>
        <source>On the shared server database an attachment can be at most {limit} MB; {name} is {size:.1f} MB. Scan it at a lower resolution, or in parts, and attach those.</source>
        <translation>共享的服务器数据库中单个附件最大 {limit} MB；{name} 有 {size:.1f} MB。请用较低的分辨率扫描，或分成几部分扫描后分别添加。</translation>
    </message>
    <message>
        <source>This attachment no longer exists.</source>
        <translation>该附件已不存在。</translation>
    </message>
    <message>
        <source>The stored copy of {name} is missing from the data folder ({path}).</source>
        <translation>数据文件夹中找不到“{name}”的存档副本（{path}）。</translation>
    </message>
    <message>
        <source>The database holds no copy of {name}: it was listed before attachments were stored on the server. Add it again.</source>
        <translation>数据库中没有 {name} 的内容：它是在服务器开始保存附件内容之前登记的。请重新添加该附件。</translation>
    </message>
    <message>
        <source>A copy of {name} could not be made for viewing: {reason}</source>
        <translation>无法为查看制作 {name} 的副本：{reason}</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Diploma</source>
        <translation>学历证书</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
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
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>添加扫描件</translation>
    </message>
    <message>
        <source>Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;All files (*)</source>
        <translation>扫描件和文档 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Remove {name} from this talent&apos;s file?</source>
        <translation>确定从该人才档案中删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>Care</name>
    <message>
        <source>Choose the kind of care.</source>
        <translation>请选择服务类型。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The opening date is required.</source>
        <translation>请填写登记日期。</translation>
    </message>
    <message>
        <source>A case cannot close before it opened.</source>
        <translation>结案日期不能早于登记日期。</translation>
    </message>
    <message>
        <source>The move-out date is before the move-in date.</source>
        <translation>退房日期早于入住日期。</translation>
    </message>
    <message>
        <source>A move-out needs the move-in date too.</source>
        <translation>填写退房日期时须同时填写入住日期。</translation>
    </message>
    <message>
        <source>Room and move-in/out dates belong to talent-apartment cases only.</source>
        <translation>房间号和入住、退房日期仅适用于人才公寓事项。</translation>
    </message>
    <message>
        <source>This talent no longer exists.</source>
        <translation>该人才记录已不存在。</translation>
    </message>
    <message>
        <source>This care case no longer exists.</source>
        <translation>该关爱服务事项已不存在。</translation>
    </message>
    <message>
        <source>This case is closed already.</source>
        <translation>该事项已经结案。</translation>
    </message>
</context>
<context>
    <name>CareImport</name>
    <message>
        <source>Say the kind of care (人才公寓, 配偶就业, 子女入学, 户籍 …).</source>
        <translation>请写明服务类型（人才公寓、配偶就业、子女入学、户籍……）。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何修改。</translation>
    </message>
    <message>
        <source>“{value}” is not a status; write 在住 / 办理中 for an open case or 已退房 / 已办结 for a closed one.</source>
        <translation>“{value}”不是状态；未结的写“在住”或“办理中”，已结的写“已退房”或“已办结”。</translation>
    </message>
    <message>
        <source>A closed case needs its closing date (or the move-out date).</source>
        <translation>已办结的事项需要办结日期（或退房日期）。</translation>
    </message>
    <message>
        <source>Give the date the case was opened (or the move-in date).</source>
        <translation>请填写登记日期（或入住日期）。</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>{name} moved in on {date}, long before arriving on {arrival}.</source>
        <translation>{name}的入住日期 {date} 远早于到岗日期 {arrival}。</translation>
    </message>
    <message>
        <source>This case ({name}, {opened}) is already on file: the same case twice.</source>
        <translation>此事项（{name}，{opened}）已在系统中：同一事项重复。</translation>
    </message>
    <message>
        <source>The same case is already on row {other}.</source>
        <translation>同一事项已在第 {other} 行。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>on file</source>
        <translation>系统中已有</translation>
    </message>
    <message>
        <source>Room {room} of {apartment} is already taken from {start} ({where}).</source>
        <translation>{apartment} {room} 房自 {start} 起已有人入住（{where}）。</translation>
    </message>
    <message>
        <source>Importing care cases</source>
        <translation>正在导入关爱服务记录</translation>
    </message>
</context>
<context>
    <name>CarePanel</name>
    <message>
        <source>Kind</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>房间号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Apartment room</source>
        <translation>公寓房间号</translation>
    </message>
    <message>
        <source>Move-in</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <source>Move-out</source>
        <translation>退房日期</translation>
    </message>
    <message>
        <source>Opened on *</source>
        <translation>登记日期 *</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <source>Save case</source>
        <translation>保存事项</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>删除事项…</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>删除服务事项</translation>
    </message>
    <message>
        <source>Delete this care case?</source>
        <translation>确定删除这条关爱服务事项吗？</translation>
    </message>
</context>
<context>
    <name>DepartureDialog</name>
    <message>
        <source>Record departure — {name}</source>
        <translation>登记离开 — {name}</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>details, if any</source>
        <translation>具体情况（可不填）</translation>
    </message>
    <message>
        <source>e.g. official transfer, illness — leave empty if none</source>
        <translation>如组织调动、因病等；没有请留空</translation>
    </message>
    <message>
        <source>Departure date *</source>
        <translation>离开日期 *</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>离开原因 *</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>具体情况</translation>
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
        <source>The talent becomes inactive, future instalments stop, current mentor pairings end and the subsidy ledger applies its clawback rule (unless a waiver reason is given).</source>
        <translation>登记后该人才转为离开状态，尚未到期的补贴分期停止发放，现有导师结对随之结束，补贴台账按追回规则计算应退还金额（填写免于追回理由的除外）。</translation>
    </message>
    <message>
        <source>Record departure</source>
        <translation>登记离开</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please choose the reason for leaving.</source>
        <translation>请选择离开原因。</translation>
    </message>
    <message>
        <source>Clawback owed: {amount}</source>
        <translation>应追回金额：{amount}</translation>
    </message>
</context>
<context>
    <name>EmployersDialog</name>
    <message>
        <source>Employers</source>
        <translation>用人单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才数</translation>
    </message>
    <message>
        <source>optional, 18 characters</source>
        <translation>选填，18位</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
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
        <translation>联系电话</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Remove employer</source>
        <translation>删除用人单位</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>确定删除“{name}”吗？</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Export to a file ending in .xlsx or .csv.</source>
        <translation>请导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>Talents</source>
        <translation>人才档案</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import talents from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入人才</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
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
        <source>Worth a look, and what is not data</source>
        <translation>值得核对的行，以及不是数据的行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value for every row</source>
        <translation>每行统一取值</translation>
    </message>
    <message>
        <source>Set one value for every row…</source>
        <translation>为所有行设定同一取值…</translation>
    </message>
    <message>
        <source>For a column the file does not have, or to overwrite one: every row gets this value (on the command line: --set 人才类别=E).</source>
        <translation>用于文件中没有的列，或覆盖某一列：每一行都取这个值（命令行：--set 人才类别=E）。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Values not recognised — choose what each means for the whole file (remembered for the next import)</source>
        <translation>无法识别的值——请为整个文件选择每个值的含义（下次导入时会记住）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未通过检查的行</translation>
    </message>
    <message>
        <source>Import the hidden rows too</source>
        <translation>隐藏行也导入</translation>
    </message>
    <message>
        <source>Leave the hidden rows out</source>
        <translation>不导入隐藏行</translation>
    </message>
    <message>
        <source>Rows hidden in Excel: {rows} ({n} in all). They are not imported unless you say so: choose below.</source>
        <translation>Excel 中隐藏的行：第 {rows} 行（共 {n} 行）。除非您选择导入，否则不会导入：请在下方选择。</translation>
    </message>
    <message>
        <source>Skip invalid rows and import only the valid ones</source>
        <translation>跳过有误的行，只导入检查通过的行</translation>
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
        <source>(not mapped: rows rejected)</source>
        <translation>（未对应：该行不导入）</translation>
    </message>
    <message>
        <source>e.g. E, or the tier&apos;s name</source>
        <translation>如 E，或人才类别名称</translation>
    </message>
    <message>
        <source>Columns hidden in Excel: {cols}. Check above how each is imported.</source>
        <translation>Excel 中被隐藏的列：{cols}。请在上方核对每列如何导入。</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>{header} (hidden in Excel)</source>
        <translation>{header}（Excel 中已隐藏）</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>{valid} rows are ready to import; {bad} rows rejected; {blank} blank rows skipped.</source>
        <translation>可导入 {valid} 行；{bad} 行未通过检查；已跳过 {blank} 个空行。</translation>
    </message>
    <message>
        <source>New employers that will be created: {names}</source>
        <translation>将新建以下用人单位：{names}</translation>
    </message>
    <message>
        <source>Importing talents</source>
        <translation>正在导入人才</translation>
    </message>
    <message>
        <source>Imported {n} talents.</source>
        <translation>已导入 {n} 名人才。</translation>
    </message>
    <message>
        <source>{n} rows with problems were skipped.</source>
        <translation>有问题的 {n} 行已跳过。</translation>
    </message>
    <message>
        <source>New employers: {names}.</source>
        <translation>新增用人单位：{names}。</translation>
    </message>
    <message>
        <source>The database was backed up before the import (Safety → Backup and restore).</source>
        <translation>导入前已自动备份数据库（见“数据安全 → 备份与恢复”）。</translation>
    </message>
    <message>
        <source>Import talents</source>
        <translation>导入人才</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>Employer (name)</source>
        <translation>用人单位（名称）</translation>
    </message>
    <message>
        <source>--map needs the form “column name=field”, e.g. “工作证号=id_number”.</source>
        <translation>--map 的写法是“列名=字段”，例如“工作证号=id_number”。</translation>
    </message>
    <message>
        <source>Unknown field “{field}”; known fields: {fields}.</source>
        <translation>未知字段“{field}”；可用字段：{fields}。</translation>
    </message>
    <message>
        <source>--set needs the form “column=value”, e.g. “人才类别=E”.</source>
        <translation>--set 的写法是“列名=值”，例如“人才类别=E”。</translation>
    </message>
    <message>
        <source>The columns “{a}” and “{b}” both mean {field}; remove or re-map one of them.</source>
        <translation>“{a}”和“{b}”两列都对应“{field}”，请删除其中一列或重新指定对应关系。</translation>
    </message>
    <message>
        <source>The file has no column for: {fields}. Rename the column, map it by hand, or give one value for every row.</source>
        <translation>文件中缺少以下列：{fields}。请修改列名、手工对应，或为所有行设定同一取值。</translation>
    </message>
    <message>
        <source>Columns not recognised: {cols}</source>
        <translation>未能识别的列：{cols}</translation>
    </message>
    <message>
        <source>not data: “{text}”</source>
        <translation>不是数据：“{text}”</translation>
    </message>
    <message>
        <source>--value needs the form “column:value in the file=value”, e.g. “人才类别:特聘=B”, for one of: {fields}.</source>
        <translation>--value 的格式为“列名:文件中的值=值”，例如“人才类别:特聘=B”，适用于：{fields}。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Checking rows</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>The cell is longer than {n} characters.</source>
        <translation>单元格内容超过 {n} 个字符。</translation>
    </message>
    <message>
        <source>The employer is required (as in the talent editor). Fill in the column, or give one employer for every row.</source>
        <translation>用人单位为必填项（与人才档案编辑相同）。请填写该列，或为所有行设定同一用人单位。</translation>
    </message>
    <message>
        <source>Unknown reason for leaving: {value}.</source>
        <translation>未知的离开原因类别：{value}。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字。</translation>
    </message>
    <message>
        <source>A departed talent needs a departure date.</source>
        <translation>已离开的人才须填写离开日期。</translation>
    </message>
    <message>
        <source>The same ID number is already on row {row} of this file.</source>
        <translation>该身份证号与本文件第 {row} 行重复。</translation>
    </message>
    <message>
        <source>filled in from the merged cell on row {row}</source>
        <translation>取自第 {row} 行的合并单元格</translation>
    </message>
    <message>
        <source>This ID number is already on file for {name}.</source>
        <translation>该身份证号已登记在{name}的档案中。</translation>
    </message>
    <message>
        <source>Hidden rows: choose include or skip.</source>
        <translation>隐藏行：请选择 include（导入）或 skip（不导入）。</translation>
    </message>
    <message>
        <source>hidden in Excel; left out as chosen</source>
        <translation>在 Excel 中被隐藏；按选择未导入</translation>
    </message>
    <message>
        <source>{n} rows of this file are hidden in Excel (rows {rows}). Decide whether to import them: in the preview, or with --hidden-rows include or --hidden-rows skip.</source>
        <translation>此文件有 {n} 行在 Excel 中被隐藏（第 {rows} 行）。请决定是否导入：在导入预览中选择，或使用 --hidden-rows include 或 --hidden-rows skip。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>TalentCommands</name>
    <message>
        <source>row {row}, {column}: {message}</source>
        <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>New employers: {names}</source>
        <translation>新建用人单位：{names}</translation>
    </message>
    <message>
        <source>Rows hidden in Excel: {rows}. Choose --hidden-rows include or --hidden-rows skip.</source>
        <translation>Excel 中被隐藏的行：{rows}。请选择 --hidden-rows include 或 --hidden-rows skip。</translation>
    </message>
    <message>
        <source>Columns hidden in Excel: {cols}</source>
        <translation>Excel 中被隐藏的列：{cols}</translation>
    </message>
    <message>
        <source>Columns not imported: {cols}</source>
        <translation>未导入的列：{cols}</translation>
    </message>
    <message>
        <source>Dry run: {ok} rows would be imported, {bad} rows rejected, {blank} blank rows skipped; nothing was changed.</source>
        <translation>试运行：可导入 {ok} 行，{bad} 行未通过检查，跳过 {blank} 个空行；数据未作任何改动。</translation>
    </message>
    <message>
        <source>Imported {n} talents ({bad} rows skipped as invalid, {blank} blank rows).</source>
        <translation>已导入 {n} 名人才（跳过有误的行 {bad} 行、空行 {blank} 行）。</translation>
    </message>
    <message>
        <source>Nothing was imported: {bad} rows were rejected. Correct them, or use --skip-invalid to import only the valid rows.</source>
        <translation>未导入任何数据：有 {bad} 行未通过检查。请修改后重新导入，或使用 --skip-invalid 只导入检查通过的行。</translation>
    </message>
    <message>
        <source>The file has no data rows; nothing was imported.</source>
        <translation>文件中没有数据行，未导入任何数据。</translation>
    </message>
    <message>
        <source>Exported {n} talents to {path}.</source>
        <translation>已将 {n} 名人才导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>TalentEdit</name>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字。</translation>
    </message>
    <message>
        <source>This talent no longer exists (it may have been removed by someone else).</source>
        <translation>该人才记录已不存在（可能已被他人删除）。</translation>
    </message>
    <message>
        <source>This ID number is already on file for {name} (record {id}).</source>
        <translation>该身份证号已登记在{name}的档案中（档案号 {id}）。</translation>
    </message>
    <message>
        <source>This employer no longer exists.</source>
        <translation>该用人单位已不存在。</translation>
    </message>
    <message>
        <source>The employer&apos;s name is required.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <source>An employer with this name exists already.</source>
        <translation>已有同名的用人单位。</translation>
    </message>
    <message>
        <source>This credit code already belongs to {name}.</source>
        <translation>该统一社会信用代码已属于{name}。</translation>
    </message>
    <message>
        <source>{name} still employs {n} talents on file; it cannot be removed.</source>
        <translation>{name}还有 {n} 名在册人才，不能删除。</translation>
    </message>
    <message>
        <source>{name} is already recorded as departed.</source>
        <translation>{name}已登记为离开。</translation>
    </message>
    <message>
        <source>The departure date is required.</source>
        <translation>请填写离开日期。</translation>
    </message>
    <message>
        <source>The departure date is before the arrival date ({date}).</source>
        <translation>离开日期早于到岗日期（{date}）。</translation>
    </message>
    <message>
        <source>The departure date cannot be in the future.</source>
        <translation>离开日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Please choose the reason for leaving.</source>
        <translation>请选择离开原因。</translation>
    </message>
    <message>
        <source>{name} is active already.</source>
        <translation>{name}目前在岗。</translation>
    </message>
    <message>
        <source>Please say why the talent is active again.</source>
        <translation>请说明恢复在岗的原因。</translation>
    </message>
</context>
<context>
    <name>TalentEditorDialog</name>
    <message>
        <source>New talent</source>
        <translation>新增人才</translation>
    </message>
    <message>
        <source>Talent record</source>
        <translation>人才档案</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Care services</source>
        <translation>关爱服务</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Record departure…</source>
        <translation>登记离开…</translation>
    </message>
    <message>
        <source>Re-activate…</source>
        <translation>恢复在岗…</translation>
    </message>
    <message>
        <source>Talent record — {name}</source>
        <translation>人才档案 — {name}</translation>
    </message>
    <message>
        <source>{n} fields need attention.</source>
        <translation>有 {n} 项需要修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: someone else&apos;s newer version is stored.</source>
        <translation>未保存：数据库中已有他人保存的较新版本。</translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation>恢复在岗</translation>
    </message>
    <message>
        <source>Why is {name} active again? (kept in the audit trail)</source>
        <translation>请说明{name}恢复在岗的原因（将记入操作日志）：</translation>
    </message>
    <message>
        <source>Re-activated</source>
        <translation>已恢复在岗</translation>
    </message>
    <message>
        <source>{name} is active again. Instalments cancelled at departure and clawback entries stay in the ledger; correct them in the subsidy ledger if needed.</source>
        <translation>{name}已恢复在岗。离开时停发的补贴分期和追回记录仍保留在台账中，如需更正请在补贴台账中处理。</translation>
    </message>
</context>
<context>
    <name>TalentForm</name>
    <message>
        <source>(from the ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <source>18 characters, e.g. 330102199001011234</source>
        <translation>18位，如 330102199001011234</translation>
    </message>
    <message>
        <source>taken from the ID number when empty</source>
        <translation>留空时按身份证号自动填写</translation>
    </message>
    <message>
        <source>mobile 13812345678 or landline with area code</source>
        <translation>手机号如 13812345678，固定电话需带区号</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>holds an important post</source>
        <translation>在重要岗位任职</translation>
    </message>
    <message>
        <source>e.g. 2023-07-01</source>
        <translation>如 2023-07-01</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Employers…</source>
        <translation>用人单位…</translation>
    </message>
    <message>
        <source> — left on {date}: {reason} → {dest}</source>
        <translation> — {date}离开：{reason}，去向：{dest}</translation>
    </message>
    <message>
        <source>; service commitment ends {date}</source>
        <translation>；服务期至 {date}</translation>
    </message>
    <message>
        <source>Your role may not see full ID and phone numbers.</source>
        <translation>您的角色无权查看完整的身份证号和电话号码。</translation>
    </message>
    <message>
        <source>Choose the education.</source>
        <translation>请选择学历。</translation>
    </message>
    <message>
        <source>The employer is required (add it under Employers… if it is new).</source>
        <translation>用人单位为必填项（新单位请先在“用人单位…”中添加）。</translation>
    </message>
</context>
<context>
    <name>Talents</name>
    <message>
        <source>The arrival year must be between 1900 and 2999.</source>
        <translation>引进年份应在 1900 至 2999 年之间。</translation>
    </message>
    <message>
        <source>The number of months must be between 0 and 1200.</source>
        <translation>月数应在 0 至 1200 之间。</translation>
    </message>
</context>
<context>
    <name>TalentsTab</name>
    <message>
        <source>Search name, pinyin (zs), ID number, phone or employer</source>
        <translation>搜索姓名、拼音（如 zs）、身份证号、电话或用人单位</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
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
        <source>All education</source>
        <translation>全部学历</translation>
    </message>
    <message>
        <source>Any arrival year</source>
        <translation>全部到岗年份</translation>
    </message>
    <message>
        <source>Any commitment end</source>
        <translation>服务期到期：不限</translation>
    </message>
    <message>
        <source>Commitment ends within {n} months</source>
        <translation>服务期 {n} 个月内到期</translation>
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
        <source>Tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
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
        <source>Arrival</source>
        <translation>到岗日期</translation>
    </message>
    <message>
        <source>Service ends</source>
        <translation>服务期满</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>New talent</source>
        <translation>新增人才</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Employers…</source>
        <translation>用人单位…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出当前列表…</translation>
    </message>
    <message>
        <source>Export whole file…</source>
        <translation>导出全部档案…</translation>
    </message>
    <message>
        <source>{n} talents</source>
        <translation>共 {n} 人</translation>
    </message>
    <message>
        <source>Export the whole talent file</source>
        <translation>导出全部人才档案</translation>
    </message>
    <message>
        <source>Export the current list</source>
        <translation>导出当前列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>CSV, GBK for older software (*.csv)</source>
        <translation>CSV，GBK 编码，供旧版软件使用 (*.csv)</translation>
    </message>
    <message>
        <source>talents.xlsx</source>
        <translation>人才档案.xlsx</translation>
    </message>
    <message>
        <source>Exporting talents</source>
        <translation>正在导出人才档案</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{n} talents were written to {path}.</source>
        <translation>已将 {n} 名人才导出到 {path}。</translation>
    </message>
</context>
</TS>
