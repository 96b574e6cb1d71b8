<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>The command failed unexpectedly; details are in the log: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data: {talents} talents, {entries} ledger entries, {pairings} pairings in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The number of demo talents must be between 1 and 2,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data can only fill an empty database; this one already holds talents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo generation was cancelled; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subsidies and ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentors and pairings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training and growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bachelor&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>College</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bachelor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flexible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settling-in subsidy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Living allowance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>House purchase subsidy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rent subsidy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talent apartment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lump sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro rata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instalment due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spouse&apos;s job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Household registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canteen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clubs and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annual appraisal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title gained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Important post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basically competent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incompetent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TalentDesk — talent work office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About TalentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About TalentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TalentDesk {version}

Talent records, subsidy ledger, mentor board and growth timeline for the county talent work office.

Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Instalment due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open care case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service commitment ending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departed this year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Your role ({role}) is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database {path} is on a network share ({reason}). SQLite databases are damaged when they are written over a network. Keep the database on this PC&apos;s own disk (the default data folder) and use backups to copy it elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade would break links between records; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup copy failed its integrity check; it was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 17 digits followed by a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number&apos;s check digit is wrong; please check for a typing error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number contains an impossible birth date or region code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number has 11 digits starting with 13–19 (landlines need the area code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unified social credit code is not valid (18 characters with a check character).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts have at most two decimal places (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
