<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Agreement</name>
    <message>
        <source>open-ended</source>
        <translation>不定期</translation>
    </message>
    <message>
        <source>Help the newcomer learn the post, the unit and the county, and pass on professional skills and experience.</source>
        <translation>帮助帮带对象熟悉岗位、单位和县情，传授专业技能和工作经验。</translation>
    </message>
    <message>
        <source>Talk with the newcomer at least at the agreed cadence, and record each conversation in the mentoring log.</source>
        <translation>按约定频次与帮带对象谈心谈话，每次帮带情况记入帮带记录。</translation>
    </message>
    <message>
        <source>Care about the newcomer&apos;s work and life; report difficulties with work, housing or family to the talent work office promptly.</source>
        <translation>关心帮带对象的工作和生活，发现工作、住房、家庭等方面的困难及时向人才工作办公室反映。</translation>
    </message>
    <message>
        <source>Help the newcomer set a development plan and reach the goals of this agreement.</source>
        <translation>指导帮带对象制定个人发展计划，帮助其实现本协议约定的帮带目标。</translation>
    </message>
    <message>
        <source>Respect the mentor, take the initiative to ask for advice, and report on work and study regularly.</source>
        <translation>尊重导师，虚心求教，定期向导师汇报工作和学习情况。</translation>
    </message>
    <message>
        <source>Work to the development plan and the goals of this agreement, and take part in the training arranged.</source>
        <translation>按照个人发展计划和本协议约定的目标努力工作，积极参加组织安排的培训。</translation>
    </message>
    <message>
        <source>Tell the mentor or the talent work office in good time about difficulties at work or in daily life.</source>
        <translation>工作或生活中遇到困难，及时向导师或人才工作办公室反映。</translation>
    </message>
    <message>
        <source>Agreement No. {no}</source>
        <translation>协议编号：{no}</translation>
    </message>
    <message>
        <source>Talent Mentoring Pairing Agreement</source>
        <translation>人才结对帮带协议书</translation>
    </message>
    <message>
        <source>Party A (mentor)</source>
        <translation>甲方（导师）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务/职称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <source>Party B (newcomer)</source>
        <translation>乙方（帮带对象）</translation>
    </message>
    <message>
        <source>Post / title</source>
        <translation>岗位/职称</translation>
    </message>
    <message>
        <source>Talent tier</source>
        <translation>人才类别</translation>
    </message>
    <message>
        <source>Mentoring role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Check-in cadence</source>
        <translation>联系频次</translation>
    </message>
    <message>
        <source>at least once every {n} days</source>
        <translation>每{n}天至少一次</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>结对期限</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>自{start}至{end}</translation>
    </message>
    <message>
        <source>Other mentors</source>
        <translation>其他导师</translation>
    </message>
    <message>
        <source>1. Goals of the pairing</source>
        <translation>一、帮带目标</translation>
    </message>
    <message>
        <source>Become familiar with the post within one year and take on key work independently within two years.</source>
        <translation>一年内熟悉岗位，两年内独立承担重点工作。</translation>
    </message>
    <message>
        <source>2. Duties of the mentor (Party A)</source>
        <translation>二、甲方（导师）职责</translation>
    </message>
    <message>
        <source>3. Duties of the newcomer (Party B)</source>
        <translation>三、乙方（帮带对象）职责</translation>
    </message>
    <message>
        <source>4. Other terms</source>
        <translation>四、其他事项</translation>
    </message>
    <message>
        <source>The talent work office follows the pairing through the mentoring log and visits. A change of mentor or an early end is recorded with its reason. This agreement is made in three copies, held by Party A, Party B and the talent work office.</source>
        <translation>人才工作办公室通过帮带记录和走访跟踪结对情况。更换导师或提前结束结对的，应记录原因。本协议一式三份，甲方、乙方和人才工作办公室各执一份。</translation>
    </message>
    <message>
        <source>Party A (mentor), signature:</source>
        <translation>甲方（导师）签字：</translation>
    </message>
    <message>
        <source>Party B (newcomer), signature:</source>
        <translation>乙方（帮带对象）签字：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Employer (seal):</source>
        <translation>用人单位（盖章）：</translation>
    </message>
    <message>
        <source>Talent work office (seal):</source>
        <translation>人才工作办公室（盖章）：</translation>
    </message>
    <message>
        <source>The agreement could not be saved to {path}: {error}</source>
        <translation>协议书无法保存到 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Record a check-in</source>
        <translation>登记帮带记录</translation>
    </message>
    <message>
        <source>Conversation between mentor &lt;b&gt;{mentor}&lt;/b&gt; and &lt;b&gt;{talent}&lt;/b&gt;</source>
        <translation>导师 &lt;b&gt;{mentor}&lt;/b&gt; 与 &lt;b&gt;{talent}&lt;/b&gt; 的谈心谈话</translation>
    </message>
    <message>
        <source>What was talked about</source>
        <translation>谈话内容</translation>
    </message>
    <message>
        <source>Problems the newcomer raised</source>
        <translation>帮带对象反映的问题</translation>
    </message>
    <message>
        <source>The office must follow up (opens a care case on the talent)</source>
        <translation>需要办公室跟进（将为该人才新建一项关爱服务）</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
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
        <source>open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Earlier check-ins</source>
        <translation>以往帮带记录</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{n} pairings with an overdue check-in as of {date}.</source>
        <translation>截至{date}，有{n}个结对未按期开展帮带。</translation>
    </message>
    <message>
        <source>{n} current pairings as of {date}.</source>
        <translation>截至{date}，共有{n}个在帮结对。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{talent} ({employer}) — {role}: {mentor} {phone}; last check-in {last}, {days} days ago (every {cadence} days)</source>
        <translation>{talent}（{employer}）— {role}：{mentor} {phone}；最近帮带 {last}，已 {days} 天（约定每 {cadence} 天）</translation>
    </message>
    <message>
        <source>Pairing agreement written to {path}.</source>
        <translation>结对协议书已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>EndPairingDialog</name>
    <message>
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>End the pairing of &lt;b&gt;{talent}&lt;/b&gt; with &lt;b&gt;{mentor}&lt;/b&gt;. The record is kept as history.</source>
        <translation>结束 &lt;b&gt;{talent}&lt;/b&gt; 与 &lt;b&gt;{mentor}&lt;/b&gt; 的结对，记录将作为历史保留。</translation>
    </message>
    <message>
        <source>e.g. goals reached; the newcomer changed post</source>
        <translation>如：帮带目标已实现；帮带对象岗位调整</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MentorBoard</name>
    <message>
        <source>No mentors match the filter. Add mentors in the mentor pool.</source>
        <translation>没有符合筛选条件的导师。可在导师库中添加导师。</translation>
    </message>
    <message>
        <source>{n} mo.</source>
        <translation>{n}个月</translation>
    </message>
    <message>
        <source>arrived {date}</source>
        <translation>{date}到岗</translation>
    </message>
    <message>
        <source>Drag onto a mentor to pair</source>
        <translation>拖到导师列即可结对</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <source>{n} days without a check-in · last {date}</source>
        <translation>已 {n} 天未帮带 · 上次 {date}</translation>
    </message>
    <message>
        <source>Last check-in {date} ({when})</source>
        <translation>上次帮带 {date}（{when}）</translation>
    </message>
    <message>
        <source>No check-in yet</source>
        <translation>尚无帮带记录</translation>
    </message>
    <message>
        <source>Overdue · {text}</source>
        <translation>逾期 · {text}</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n}人帮带逾期</translation>
    </message>
    <message>
        <source>No mentor yet</source>
        <translation>尚未结对</translation>
    </message>
    <message>
        <source>Active talents without a mentor</source>
        <translation>在岗但尚无导师的人才</translation>
    </message>
    <message>
        <source>The newest {n} shown; search to find the others</source>
        <translation>仅显示最新的 {n} 人；其他人请用搜索查找</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{role}: since {start}, last check-in {last}, every {n} days</source>
        <translation>{role}：{start}起，最近帮带 {last}，每{n}天一次</translation>
    </message>
    <message>
        <source>Double-click to record a check-in; drag to another mentor to reassign.</source>
        <translation>双击登记帮带记录；拖到其他导师列可更换导师。</translation>
    </message>
    <message>
        <source>{name}: {load} of {capacity} places taken</source>
        <translation>{name}：已帮带{load}人，上限{capacity}人</translation>
    </message>
</context>
<context>
    <name>MentorDialog</name>
    <message>
        <source>Edit mentor</source>
        <translation>编辑导师</translation>
    </message>
    <message>
        <source>Add a mentor</source>
        <translation>添加导师</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>This mentor is one of the county&apos;s talents; empty fields are taken from the talent&apos;s record.</source>
        <translation>该导师是本县人才，未填写的信息取自其人才档案。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务/职称</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Capacity (newcomers at once)</source>
        <translation>帮带人数上限</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Mentors</name>
    <message>
        <source>{what} may have at most {n} characters.</source>
        <translation>{what}最多{n}个字。</translation>
    </message>
    <message>
        <source>{what} {id} was not found.</source>
        <translation>未找到{what}（编号 {id}）。</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对记录</translation>
    </message>
    <message>
        <source>Capacity must be a whole number from 1 to {max}.</source>
        <translation>帮带人数上限须为1至{max}之间的整数。</translation>
    </message>
    <message>
        <source>The check-in cadence must be from 1 to {max} days.</source>
        <translation>联系频次须为1至{max}天。</translation>
    </message>
    <message>
        <source>{mentor} already looks after {load} of {capacity} newcomers and cannot take another. Raise the mentor&apos;s capacity or choose another mentor.</source>
        <translation>{mentor}已帮带{load}人（上限{capacity}人），不能再增加帮带对象。请提高该导师的帮带人数上限，或另选导师。</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>{name} is already in the mentor pool.</source>
        <translation>{name}已在导师库中。</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enter the mentor&apos;s name.</source>
        <translation>请填写导师姓名。</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>职务/职称</translation>
    </message>
    <message>
        <source>The expertise</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <source>{mentor} looks after {load} newcomers now, so the capacity cannot be lower than {load}.</source>
        <translation>{mentor}目前帮带{load}人，帮带人数上限不能低于{load}。</translation>
    </message>
    <message>
        <source>{mentor} still looks after {load} newcomers. Reassign or end those pairings before retiring the mentor.</source>
        <translation>{mentor}仍在帮带{load}人。请先为其帮带对象更换导师或结束结对，再将其移出导师库。</translation>
    </message>
    <message>
        <source>The role name</source>
        <translation>角色名称</translation>
    </message>
    <message>
        <source>Enter the role&apos;s name.</source>
        <translation>请填写角色名称。</translation>
    </message>
    <message>
        <source>There is already a role named {name}.</source>
        <translation>已有名为“{name}”的角色。</translation>
    </message>
    <message>
        <source>The English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Enter the start date.</source>
        <translation>请填写开始日期。</translation>
    </message>
    <message>
        <source>The planned end must be after the start date.</source>
        <translation>计划结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <source>{mentor} has retired from the mentor pool.</source>
        <translation>{mentor}已退出导师库。</translation>
    </message>
    <message>
        <source>{name} has left the county and cannot be paired.</source>
        <translation>{name}已离开本县，不能结对。</translation>
    </message>
    <message>
        <source>{name} cannot be their own mentor.</source>
        <translation>{name}不能担任自己的导师。</translation>
    </message>
    <message>
        <source>The goals</source>
        <translation>帮带目标</translation>
    </message>
    <message>
        <source>{talent} already has {mentor} as {role}. Drag the card to reassign instead.</source>
        <translation>{talent}已有{role}：{mentor}。如需更换，请拖动卡片调整导师。</translation>
    </message>
    <message>
        <source>This pairing has already ended.</source>
        <translation>该结对已结束。</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Say why the newcomer changes mentor.</source>
        <translation>请填写更换导师的原因。</translation>
    </message>
    <message>
        <source>Enter the date of the change.</source>
        <translation>请填写更换日期。</translation>
    </message>
    <message>
        <source>The change cannot be before the pairing started ({date}).</source>
        <translation>更换日期不能早于结对开始日期（{date}）。</translation>
    </message>
    <message>
        <source>The newcomer is already with this mentor.</source>
        <translation>该人才已由此导师帮带。</translation>
    </message>
    <message>
        <source>Choose at least one role to move.</source>
        <translation>请至少选择一个要调整的结对角色。</translation>
    </message>
    <message>
        <source>Only the roles of one newcomer can be moved together.</source>
        <translation>一次只能调整同一名人才的结对角色。</translation>
    </message>
    <message>
        <source>Say why the pairing ends.</source>
        <translation>请填写结束结对的原因。</translation>
    </message>
    <message>
        <source>The end cannot be before the pairing started ({date}).</source>
        <translation>结束日期不能早于结对开始日期（{date}）。</translation>
    </message>
    <message>
        <source>Unknown issue tag: {tag}.</source>
        <translation>未知的问题类别：{tag}。</translation>
    </message>
    <message>
        <source>Enter the date of the check-in.</source>
        <translation>请填写帮带日期。</translation>
    </message>
    <message>
        <source>A check-in cannot be dated in the future.</source>
        <translation>帮带日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The check-in is before the pairing started ({date}).</source>
        <translation>帮带日期早于结对开始日期（{date}）。</translation>
    </message>
    <message>
        <source>The pairing ended on {date}; a later check-in cannot be recorded.</source>
        <translation>该结对已于{date}结束，不能登记此后的帮带记录。</translation>
    </message>
    <message>
        <source>Choose how the check-in took place.</source>
        <translation>请选择帮带方式。</translation>
    </message>
    <message>
        <source>Describe the issue the office must follow up.</source>
        <translation>请说明需要办公室跟进的问题。</translation>
    </message>
    <message>
        <source>Follow-up from a check-in: {tags}</source>
        <translation>帮带记录反映问题跟进：{tags}</translation>
    </message>
    <message>
        <source>Follow-up from a check-in</source>
        <translation>帮带记录反映问题跟进</translation>
    </message>
</context>
<context>
    <name>MentorsTab</name>
    <message>
        <source>Find a newcomer: name or pinyin (zs)</source>
        <translation>查找人才：姓名或拼音（如 zs）</translation>
    </message>
    <message>
        <source>All employers</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>With a role chosen, &quot;No mentor yet&quot; lists the talents who have no mentor in that role, so a second mentor can be dragged in</source>
        <translation>选定角色后，“尚未结对”列出该角色尚无导师的人才，可拖动为其增配导师</translation>
    </message>
    <message>
        <source>Record check-in…</source>
        <translation>登记帮带…</translation>
    </message>
    <message>
        <source>Pairing agreement</source>
        <translation>结对协议书</translation>
    </message>
    <message>
        <source>End pairing…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <source>Drag a card onto a mentor to pair or to change mentor; onto &quot;No mentor yet&quot; to end the pairing. Double-click a card to record a check-in.</source>
        <translation>将卡片拖到导师列即可结对或更换导师，拖回“尚未结对”即结束结对；双击卡片登记帮带记录。</translation>
    </message>
    <message>
        <source>◀ Previous mentors</source>
        <translation>◀ 上一页导师</translation>
    </message>
    <message>
        <source>Next mentors ▶</source>
        <translation>下一页导师 ▶</translation>
    </message>
    <message>
        <source>Newcomer</source>
        <translation>帮带对象</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Mentor&apos;s phone</source>
        <translation>导师电话</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>最近帮带</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Days since contact</source>
        <translation>未联系天数</translation>
    </message>
    <message>
        <source>Cadence (days)</source>
        <translation>约定频次（天）</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Pairings whose mentor has not checked in within the agreed cadence, longest silence first.</source>
        <translation>导师未按约定频次开展帮带的结对，未联系时间最长的排在前面。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务/职称</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>专业特长</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>帮带人数</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>本县人才</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Show retired mentors</source>
        <translation>显示已退出的导师</translation>
    </message>
    <message>
        <source>Add mentor…</source>
        <translation>添加导师…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Retire / reinstate</source>
        <translation>退出/恢复</translation>
    </message>
    <message>
        <source>Role names…</source>
        <translation>结对角色…</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>结对看板</translation>
    </message>
    <message>
        <source>Overdue check-ins</source>
        <translation>帮带逾期</translation>
    </message>
    <message>
        <source>Mentor pool</source>
        <translation>导师库</translation>
    </message>
    <message>
        <source>Mentors {first}–{last} of {total}</source>
        <translation>导师 {first}–{last}，共 {total} 位</translation>
    </message>
    <message>
        <source>Overdue check-ins ({n})</source>
        <translation>帮带逾期（{n}）</translation>
    </message>
    <message>
        <source>{mentors} mentors · {unpaired} without a mentor · {overdue} overdue</source>
        <translation>导师 {mentors} 名 · 尚未结对 {unpaired} 人 · 帮带逾期 {overdue} 个</translation>
    </message>
    <message>
        <source>Save agreement as PDF…</source>
        <translation>协议书另存为PDF…</translation>
    </message>
    <message>
        <source>Print agreement…</source>
        <translation>打印协议书…</translation>
    </message>
    <message>
        <source>Check-in saved; a care case was opened for the office to follow up.</source>
        <translation>帮带记录已保存，已新建关爱服务事项由办公室跟进。</translation>
    </message>
    <message>
        <source>Mentor is full</source>
        <translation>导师帮带人数已满</translation>
    </message>
    <message>
        <source>{mentor} already looks after {load} of {capacity} newcomers. Raise the capacity in the mentor pool or choose another mentor.</source>
        <translation>{mentor}已帮带{load}人（上限{capacity}人）。请在导师库中提高帮带人数上限，或另选导师。</translation>
    </message>
    <message>
        <source>Make {name} a mentor…</source>
        <translation>将{name}设为导师…</translation>
    </message>
    <message>
        <source>Edit mentor…</source>
        <translation>编辑导师…</translation>
    </message>
    <message>
        <source>Save pairing agreement</source>
        <translation>保存结对协议书</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Agreement saved: {path}</source>
        <translation>协议书已保存：{path}</translation>
    </message>
    <message>
        <source>The pairing agreement is saved.</source>
        <translation>结对协议已保存。</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Pair with a mentor</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>&lt;b&gt;{talent}&lt;/b&gt; ({employer}) with mentor &lt;b&gt;{mentor}&lt;/b&gt; — {load} of {capacity} places taken.</source>
        <translation>&lt;b&gt;{talent}&lt;/b&gt;（{employer}）与导师 &lt;b&gt;{mentor}&lt;/b&gt; 结对 — 该导师已帮带{load}人，上限{capacity}人。</translation>
    </message>
    <message>
        <source>What the newcomer should achieve, e.g. run the ward independently within a year</source>
        <translation>帮带对象应达到的目标，如：一年内能独立负责病区工作</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束日期</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>帮带目标</translation>
    </message>
    <message>
        <source>Check in at least every</source>
        <translation>帮带频次（至少每）</translation>
    </message>
</context>
<context>
    <name>PairingImport</name>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何修改。</translation>
    </message>
    <message>
        <source>The mentor&apos;s name is missing.</source>
        <translation>缺少导师姓名。</translation>
    </message>
    <message>
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>“{role}” is not a mentor role; the roles are {roles} (the office can add roles in the mentor board).</source>
        <translation>“{role}”不是结对类型；现有类型为 {roles}（可在导师结对页中添加类型）。</translation>
    </message>
    <message>
        <source>The start date is missing.</source>
        <translation>缺少结对日期。</translation>
    </message>
    <message>
        <source>The pairing ends ({end}) before it starts ({start}).</source>
        <translation>结束日期（{end}）早于结对日期（{start}）。</translation>
    </message>
    <message>
        <source>The start date {date} is in the future.</source>
        <translation>结对日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>The pairing starts on {date}, before {name} arrived on {arrival}.</source>
        <translation>结对日期 {date} 早于{name}的到岗日期 {arrival}。</translation>
    </message>
    <message>
        <source>{name} has left the county; give the date the pairing ended.</source>
        <translation>{name}已离开本县；请填写结对结束日期。</translation>
    </message>
    <message>
        <source>{name} cannot be their own mentor.</source>
        <translation>{name}不能做自己的导师。</translation>
    </message>
    <message>
        <source>This pairing ({mentor} with {name} as {role} from {start}) is already on file: the same pairing twice.</source>
        <translation>此结对（{mentor} 与 {name}，{role}，自 {start} 起）已在系统中：同一结对重复。</translation>
    </message>
    <message>
        <source>The same pairing is already on row {other}.</source>
        <translation>同一结对已在第 {other} 行。</translation>
    </message>
    <message>
        <source>{name} already has a current {role} on file.</source>
        <translation>{name}在系统中已有在结对的{role}。</translation>
    </message>
    <message>
        <source>{name} has two current {role} pairings in this file (row {other}).</source>
        <translation>{name}在本文件中有两条在结对的{role}（第 {other} 行）。</translation>
    </message>
    <message>
        <source>Ended before moving in</source>
        <translation>迁入前已结束</translation>
    </message>
    <message>
        <source>{mentor} is not in the mentor pool yet and is added.</source>
        <translation>{mentor}尚未在导师库中，将自动添加。</translation>
    </message>
    <message>
        <source>{mentor}&apos;s capacity is raised from {old} to {new} newcomers to hold this list.</source>
        <translation>{mentor}的帮带人数上限由 {old} 人提高到 {new} 人，以容纳本名单。</translation>
    </message>
    <message>
        <source>Added from the pairing list {file}</source>
        <translation>从结对名单 {file} 添加</translation>
    </message>
    <message>
        <source>Importing pairings</source>
        <translation>正在导入结对</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Change mentor</source>
        <translation>更换导师</translation>
    </message>
    <message>
        <source>Move &lt;b&gt;{talent}&lt;/b&gt; from &lt;b&gt;{old}&lt;/b&gt; to &lt;b&gt;{new}&lt;/b&gt; ({load} of {capacity} places taken). The current pairing ends with the reason below and a new one starts; the history is kept.</source>
        <translation>将 &lt;b&gt;{talent}&lt;/b&gt; 从 &lt;b&gt;{old}&lt;/b&gt; 调整到 &lt;b&gt;{new}&lt;/b&gt;（已帮带{load}人，上限{capacity}人）。原结对按下列原因结束，同时建立新结对，历史记录保留。</translation>
    </message>
    <message>
        <source>Roles to move</source>
        <translation>调整的结对角色</translation>
    </message>
    <message>
        <source>e.g. the mentor was transferred; a better match in the same field</source>
        <translation>如：导师工作调动；专业更对口</translation>
    </message>
    <message>
        <source>Date of the change</source>
        <translation>更换日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Mentor roles</source>
        <translation>结对角色</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>Add as new role</source>
        <translation>新增角色</translation>
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
        <source>{name} / {name_en} — {n} current pairings</source>
        <translation>{name} / {name_en} — 在帮结对 {n} 个</translation>
    </message>
</context>
</TS>
