<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditView</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/audit_view.py" line="353"/>
        <source>TAMPERED: %n problem(s) found in {entries} entries.</source>
        <translation>
            <numerusform>TAMPERED: %n problem found in {entries} entries.</numerusform>
            <numerusform>TAMPERED: %n problems found in {entries} entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="357"/>
        <source>%n extract(s) already since {start}: {cases}. This one is beyond the free allowance.</source>
        <translation>
            <numerusform>%n extract already since {start}: {cases}. This one is beyond the free allowance.</numerusform>
            <numerusform>%n extracts already since {start}: {cases}. This one is beyond the free allowance.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErasurePanel</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="477"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="478"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="598"/>
        <source>%n row(s) of {table}, may be erased from {ends} ({law})</source>
        <translation>
            <numerusform>%n row of {table}, may be erased from {ends} ({law})</numerusform>
            <numerusform>%n rows of {table}, may be erased from {ends} ({law})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/main_window.py" line="335"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="554"/>
        <source>%n new request(s) imported from the portal.</source>
        <translation>
            <numerusform>%n new request imported from the portal.</numerusform>
            <numerusform>%n new requests imported from the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/main_window.py" line="557"/>
        <source>Queue loaded: %n case(s).</source>
        <translation>
            <numerusform>Queue loaded: %n case.</numerusform>
            <numerusform>Queue loaded: %n cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/overview_tab.py" line="227"/>
        <source>As of {day}: %n request(s) received in the last 12 months, {a} answered.</source>
        <translation>
            <numerusform>As of {day}: %n request received in the last 12 months, {a} answered.</numerusform>
            <numerusform>As of {day}: %n requests received in the last 12 months, {a} answered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/reminders.py" line="124"/>
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n case overdue</numerusform>
            <numerusform>%n cases overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/reminders.py" line="126"/>
        <source>%n case(s) due within {days} days</source>
        <translation>
            <numerusform>%n case due within {days} days</numerusform>
            <numerusform>%n cases due within {days} days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YearReportDialog</name>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="142"/>
        <source>Saved {path}: %n request(s) received in {year}.</source>
        <translation>
            <numerusform>Saved {path}: %n request received in {year}.</numerusform>
            <numerusform>Saved {path}: %n requests received in {year}.</numerusform>
        </translation>
    </message>
</context>
</TS>
