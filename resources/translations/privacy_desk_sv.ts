<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="99"/>
        <source>When</source>
        <extracomment>Entries per page of the table. The period shown when the view opens: the last 30 days.</extracomment>
        <translation>När</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="99"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="99"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="99"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="100"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="161"/>
        <source>Audit trail</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="170"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="173"/>
        <source>Verify chain</source>
        <translation>Kontrollera kedjan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="176"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="179"/>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="183"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="185"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="205"/>
        <source>Previous</source>
        <translation>Föregående</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="208"/>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="280"/>
        <source>Entries {first}–{last} of {total}</source>
        <translation>Poster {first}–{last} av {total}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="283"/>
        <source>No entries in this period.</source>
        <translation>Inga poster under perioden.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="344"/>
        <source>OK: the audit trail is intact ({entries} entries). Head #{seq}: {hash} — note it down to detect a later rewrite.</source>
        <translation>OK: granskningsloggen är intakt ({entries} poster). Senaste #{seq}: {hash} — anteckna den för att upptäcka en senare omskrivning.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/audit_view.py" line="353"/>
        <source>TAMPERED: %n problem(s) found in {entries} entries.</source>
        <translation>
            <numerusform>MANIPULERAD: %n problem hittades i {entries} poster.</numerusform>
            <numerusform>MANIPULERAD: %n problem hittades i {entries} poster.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="364"/>
        <source>Export the audit trail</source>
        <translation>Exportera granskningsloggen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="370"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="371"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="396"/>
        <source>Wrote {count} entries to {file}.</source>
        <translation>Skrev {count} poster till {file}.</translation>
    </message>
</context>
<context>
    <name>CandidateText</name>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="27"/>
        <source>(no name)</source>
        <translation>(inget namn)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="29"/>
        <source>{label} (not a customer: {n} rows)</source>
        <translation>{label} (inte kund: {n} rader)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="37"/>
        <source>born {year}</source>
        <translation>född {year}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="42"/>
        <source>customer no. {number}</source>
        <translation>kundnr {number}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="56"/>
        <source>customer</source>
        <translation>kund</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="57"/>
        <source>employee</source>
        <translation>anställd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="58"/>
        <source>contact</source>
        <translation>kontaktperson</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="76"/>
        <source>Register request…</source>
        <extracomment>A service changed a case: the case as it now is (a :class:`CaseView`). Emitted with the case id after an action on a case succeeded. Emitted with message and hint when an action without a dialog failed. Emitted with a message when an action failed. A dialog closed: keyboard focus goes back to the queue. The desk offers to mark the case (id) answered (:attr:`answer_offer` is the box).</extracomment>
        <translation>Registrera begäran…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="79"/>
        <source>Claim</source>
        <translation>Ta ärendet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="81"/>
        <source>Release</source>
        <translation>Lämna ifrån</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="83"/>
        <source>Verify identity…</source>
        <translation>Verifiera identitet…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="85"/>
        <source>Change status…</source>
        <translation>Ändra status…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="87"/>
        <source>Extend…</source>
        <translation>Förläng…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="89"/>
        <source>Allowance decision…</source>
        <translation>Beslut om utdrag…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="93"/>
        <source>Preview extract</source>
        <translation>Förhandsgranska utdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="95"/>
        <source>Erasure plan…</source>
        <translation>Raderingsplan…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="97"/>
        <source>Mark answered</source>
        <translation>Markera som besvarat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="107"/>
        <source>Register a request that came by letter, e-mail, phone or in person</source>
        <extracomment>The rule behind each action (the services&apos; &quot;may I?&quot;, see case_rules).</extracomment>
        <translation>Registrera en begäran som kom med brev, e-post, telefon eller vid besök</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="109"/>
        <source>Take the case: you handle it</source>
        <translation>Ta ärendet: du handlägger det</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="110"/>
        <source>Give the case back to the queue</source>
        <translation>Lämna tillbaka ärendet till kön</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="111"/>
        <source>Record how the person&apos;s identity was verified</source>
        <translation>Registrera hur personens identitet kontrollerades</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="112"/>
        <source>Move the case to another status</source>
        <translation>Flytta ärendet till en annan status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="113"/>
        <source>Extend the deadline by two months</source>
        <translation>Förläng tidsfristen med två månader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="114"/>
        <source>Decide on an extract beyond the yearly allowance</source>
        <translation>Besluta om ett utdrag utöver det kostnadsfria per år</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="115"/>
        <source>The answer has been sent: mark the case answered</source>
        <translation>Svaret har skickats: markera ärendet som besvarat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="116"/>
        <source>Preview the extract and withhold data</source>
        <translation>Förhandsgranska utdraget och undanta uppgifter</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="117"/>
        <source>Plan, approve and execute the erasure</source>
        <translation>Planera, godkänn och genomför raderingen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="312"/>
        <source>Mark answered?</source>
        <extracomment>What the shown case allows (None: no case shown).</extracomment>
        <translation>Markera som besvarat?</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_actions.py" line="313"/>
        <source>The answer to case {case} has been sent. Mark the case answered?</source>
        <translation>Svaret i ärende {case} har skickats. Markera ärendet som besvarat?</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="76"/>
        <source>Personnummer</source>
        <extracomment>An erasure plan of the case waits for a second officer&apos;s approval.</extracomment>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="77"/>
        <source>Organisationsnummer</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="78"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="79"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="80"/>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="81"/>
        <source>Customer id</source>
        <translation>Kund-id</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="91"/>
        <source>(extended)</source>
        <translation>(förlängd)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="94"/>
        <source>Verified {day}</source>
        <translation>Verifierad {day}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="99"/>
        <source>Not verified: no data may be shown or sent</source>
        <translation>Inte kontrollerad: inga uppgifter får visas eller skickas</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="102"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="104"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="105"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="106"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="107"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="108"/>
        <source>, taken by {name}</source>
        <translation>, mottagen av {name}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="110"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="111"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="112"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="113"/>
        <source>(nobody)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="114"/>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="118"/>
        <source>Extension</source>
        <translation>Förlängning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="119"/>
        <source>Person told {day}: {reason}</source>
        <translation>Personen underrättad {day}: {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="123"/>
        <source>Yearly allowance</source>
        <translation>Årligt fritt utdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="127"/>
        <source>Erasure plan</source>
        <translation>Raderingsplan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="128"/>
        <source>Waits for a second officer&apos;s approval</source>
        <translation>Väntar på en andra handläggares godkännande</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="130"/>
        <source>Identifiers</source>
        <translation>Identifierare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="134"/>
        <source>Scans</source>
        <translation>Inskannade dokument</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="302"/>
        <source>Minimised cases cannot be matched on this computer, so earlier requests may be missing: an administrator imports the minimisation key (privacy-desk store key import).</source>
        <translation>Minimerade ärenden kan inte matchas på den här datorn, så tidigare begäranden kan saknas: en administratör importerar minimeringsnyckeln (privacy-desk store key import).</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="311"/>
        <source>Decision: {kind} – {reason}</source>
        <translation>Beslut: {kind} – {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="317"/>
        <source>Free: no earlier extract since {start}</source>
        <translation>Kostnadsfritt: inget tidigare utdrag sedan {start}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="319"/>
        <source>Free: 1 earlier extract since {start}</source>
        <translation>Kostnadsfritt: 1 tidigare utdrag sedan {start}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="321"/>
        <source>Free: {count} earlier extracts since {start}</source>
        <translation>Kostnadsfritt: {count} tidigare utdrag sedan {start}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="324"/>
        <source>Beyond the allowance ({count} since {start}): a decision is needed</source>
        <translation>Utöver det fria utdraget ({count} sedan {start}): ett beslut krävs</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="188"/>
        <source>The person’s requests</source>
        <translation>Personens begäranden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="191"/>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="223"/>
        <source>Select a case in the queue.</source>
        <extracomment>The events shown, as (time, actor, event, note) texts, oldest first.</extracomment>
        <translation>Välj ett ärende i kön.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="227"/>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="53"/>
        <source>Signed letter checked against the record</source>
        <translation>Undertecknat brev kontrollerat mot kunduppgifterna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="55"/>
        <source>ID document seen</source>
        <translation>Id-handling uppvisad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="56"/>
        <source>Swedish e-ID (BankID)</source>
        <translation>Svensk e-legitimation (BankID)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="57"/>
        <source>Logged in to Min sida</source>
        <translation>Inloggad på Min sida</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="65"/>
        <source>Free anyway</source>
        <translation>Kostnadsfritt ändå</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="66"/>
        <source>Charge a fee</source>
        <translation>Ta ut en avgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="67"/>
        <source>Refuse (manifestly unfounded or excessive)</source>
        <translation>Vägra (uppenbart ogrundad eller orimlig)</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="101"/>
        <source>Connections</source>
        <translation>Anslutningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="107"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="110"/>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="124"/>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="125"/>
        <source>Case store</source>
        <translation>Ärendelager</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="134"/>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="159"/>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="147"/>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="167"/>
        <source>Use this profile when the app starts</source>
        <translation>Använd den här profilen när appen startar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="171"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="172"/>
        <source>Used for</source>
        <translation>Används för</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="173"/>
        <source>Database type</source>
        <translation>Databastyp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="174"/>
        <source>SQLite file</source>
        <translation>SQLite-fil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="175"/>
        <source>Host</source>
        <translation>Värd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="176"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="177"/>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="178"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="179"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="180"/>
        <source>TLS mode</source>
        <translation>TLS-läge</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="181"/>
        <source>CA file</source>
        <translation>CA-fil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="193"/>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="196"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="199"/>
        <source>New data map…</source>
        <translation>Ny datakarta…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="202"/>
        <source>Draft a data map of this portal from its tables and sampled values (read-only)</source>
        <translation>Gör ett utkast till datakarta för portalen utifrån dess tabeller och stickprov av värden (endast läsning)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="249"/>
        <source>Passwords are kept in the system keyring, never in a file.</source>
        <translation>Lösenord sparas i systemets nyckelring, aldrig i en fil.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="250"/>
        <source>stored in the keyring</source>
        <translation>sparas i nyckelringen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="253"/>
        <source>No secure keyring is available on this computer: the password is not saved. It is used to test the connection, and the app asks for it each time it connects.</source>
        <translation>Det finns ingen säker nyckelring på den här datorn: lösenordet sparas inte. Det används för att testa anslutningen, och appen frågar efter det varje gång den ansluter.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="257"/>
        <source>not saved: no secure keyring</source>
        <translation>sparas inte: ingen säker nyckelring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="283"/>
        <source>Default: {port}</source>
        <translation>Standard: {port}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="287"/>
        <source>SQLite database file</source>
        <translation>SQLite-databasfil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="293"/>
        <source>CA certificate (PEM)</source>
        <translation>CA-certifikat (PEM)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="346"/>
        <source>portal</source>
        <translation>portal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="346"/>
        <source>case store</source>
        <translation>ärendelager</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="398"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="403"/>
        <source>Connected to {where}.</source>
        <translation>Ansluten till {where}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="405"/>
        <source>Server version {version}.</source>
        <translation>Serverversion {version}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="437"/>
        <source>Saved profile {name}; its password is in the system keyring.</source>
        <translation>Profilen {name} sparades; lösenordet finns i systemets nyckelring.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="440"/>
        <source>Saved profile {name} WITHOUT its password: there is no secure keyring on this computer, so the app will ask for it each time.</source>
        <translation>Profilen {name} sparades UTAN lösenord: det finns ingen säker nyckelring på den här datorn, så appen frågar efter det varje gång.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="444"/>
        <source>Saved profile {name}.</source>
        <translation>Profilen {name} sparades.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="467"/>
        <source>Deleted profile {name} and forgot its password.</source>
        <translation>Profilen {name} togs bort och dess lösenord glömdes.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="477"/>
        <source>A data map is drafted from a portal profile.</source>
        <translation>En datakarta tas fram från en portalprofil.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="479"/>
        <source>Save the data map draft</source>
        <translation>Spara utkastet till datakarta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="483"/>
        <source>Data maps (*.yaml *.yml)</source>
        <translation>Datakartor (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="496"/>
        <source>Drafting a data map of the portal…</source>
        <translation>Tar fram ett utkast till datakarta för portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="509"/>
        <source>Wrote the data map draft {path}. To review: {count}.</source>
        <translation>Utkastet till datakarta sparades i {path}. Att granska: {count}.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="354"/>
        <source>Allowance decision – {case}</source>
        <translation>Beslut om utdrag – {case}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="357"/>
        <source>%n extract(s) already since {start}: {cases}. This one is beyond the free allowance.</source>
        <translation>
            <numerusform>%n utdrag redan sedan {start}: {cases}. Detta går utöver det kostnadsfria utdraget.</numerusform>
            <numerusform>%n utdrag redan sedan {start}: {cases}. Detta går utöver det kostnadsfria utdraget.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="362"/>
        <source>The first copy is always free. A reasonable fee based on administrative cost may be charged only for further copies, or for a request that is manifestly unfounded or excessive; a refusal only for the latter. The company bears the burden of proof: write a reason a reviewer can follow.</source>
        <translation>Den första kopian är alltid kostnadsfri. En rimlig avgift som grundas på de administrativa kostnaderna får tas ut bara för ytterligare kopior, eller för en begäran som är uppenbart ogrundad eller orimlig; avslag bara i det senare fallet. Det är företaget som ska visa detta: skriv ett skäl som en granskare kan följa.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="374"/>
        <source>kronor, e.g. 150</source>
        <translation>kronor, t.ex. 150</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="379"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="380"/>
        <source>Fee (SEK)</source>
        <translation>Avgift (kr)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="381"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>DraftReviewDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/draft_review.py" line="31"/>
        <source>Data map draft</source>
        <translation>Utkast till datakarta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/draft_review.py" line="33"/>
        <source>Wrote {path} ({tables} tables). To review: {count}. Confirm each item in the file and remove its &apos;review: true&apos;.</source>
        <translation>Sparade {path} ({tables} tabeller). Att granska: {count}. Bekräfta varje punkt i filen och ta bort dess &apos;review: true&apos;.</translation>
    </message>
</context>
<context>
    <name>ErasurePanel</name>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="194"/>
        <source>Erasure plan</source>
        <translation>Raderingsplan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="198"/>
        <source>Category / table</source>
        <translation>Kategori / tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="198"/>
        <source>Erase (rows)</source>
        <translation>Radera (rader)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="199"/>
        <source>Anonymise / pseudonymise</source>
        <translation>Anonymisera / pseudonymisera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="199"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="210"/>
        <source>Retain</source>
        <translation>Behåll</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="200"/>
        <source>Law and hold end</source>
        <translation>Lag och när lagringen upphör</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="211"/>
        <source>Erase</source>
        <translation>Radera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="215"/>
        <source>Why? (required, e.g. needed for a dispute, art. 17(3)(e))</source>
        <translation>Varför? (krävs, t.ex. behövs för en tvist, art. 17.3 e)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="217"/>
        <source>Change decision</source>
        <translation>Ändra beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="226"/>
        <source>New plan</source>
        <translation>Ny plan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="229"/>
        <source>Collect the person&apos;s data again and replace the current plan</source>
        <translation>Hämta personens uppgifter på nytt och ersätt den nuvarande planen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="231"/>
        <source>Dry run</source>
        <translation>Provkörning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="234"/>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="237"/>
        <source>Execute</source>
        <translation>Genomför</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="254"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="298"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="584"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="254"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="299"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="254"/>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="254"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="300"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="255"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="301"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="255"/>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="275"/>
        <source>Rectify a field (art. 16)</source>
        <translation>Rätta ett fält (art. 16)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="292"/>
        <source>What did the person ask to correct, and how was it checked?</source>
        <translation>Vad bad personen att få rättat, och hur kontrollerades det?</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="294"/>
        <source>Rectify</source>
        <translation>Rätta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="302"/>
        <source>New value</source>
        <translation>Nytt värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="303"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="314"/>
        <source>Withdraw consent (art. 7(3), 21)</source>
        <translation>Återkalla samtycke (art. 7.3, 21)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="316"/>
        <source>Ends newsletter subscriptions and clears contact choices through the data map, in one transaction; no approval is needed, since it carries out the person&apos;s own decision.</source>
        <translation>Avslutar nyhetsbrevsprenumerationer och rensar kontaktval enligt datakartan, i en transaktion; inget godkännande behövs, eftersom det verkställer personens eget beslut.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="320"/>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="329"/>
        <source>Confirmation letter</source>
        <translation>Bekräftelsebrev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="332"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="333"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="336"/>
        <source>Write letter</source>
        <translation>Skriv brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="340"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="377"/>
        <source>Looking the case and its person up…</source>
        <translation>Slår upp ärendet och dess person…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="407"/>
        <source>Nobody in the portal matches the identifiers of this request.</source>
        <translation>Ingen i portalen matchar identifierarna i denna begäran.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="416"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="432"/>
        <source>Making the erasure plan…</source>
        <translation>Gör raderingsplanen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="437"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="442"/>
        <source>Case {case}: the person is found. Withdraw their consent when ready.</source>
        <translation>Ärende {case}: personen är hittad. Återkalla samtycket när du är redo.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="472"/>
        <source>Retained by decision: {reason} ({who})</source>
        <translation>Behålls genom beslut: {reason} ({who})</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="480"/>
        <source>({n} pseudonymised)</source>
        <translation>({n} pseudonymiserade)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="487"/>
        <source>{law}; may be erased from {ends}</source>
        <translation>{law}; får raderas från {ends}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="498"/>
        <source>Each row is held until its own date: {dates}</source>
        <translation>Varje rad sparas till sitt eget datum: {dates}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="516"/>
        <source>Four-eyes approval is not enforced on this embedded SQLite case store: officer names are not tied to database logins, so anyone with the file could approve under another name. Use a PostgreSQL or MariaDB case store with one login per officer to enforce it.</source>
        <translation>Fyraögonsgodkännande upprätthålls inte i detta inbyggda SQLite-ärendelager: handläggarnas namn är inte knutna till databasinloggningar, så den som har filen kan godkänna i någon annans namn. Använd ett ärendelager i PostgreSQL eller MariaDB med en inloggning per handläggare för att upprätthålla det.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="522"/>
        <source>Author and approver used the same database login, so the store cannot prove two people took part: four-eyes is not enforced for this approval.</source>
        <translation>Upphovsperson och godkännare använde samma databasinloggning, så lagret kan inte visa att två personer deltog: fyraögonsprincipen upprätthålls inte för detta godkännande.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="527"/>
        <source>whole row</source>
        <translation>hela raden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="527"/>
        <source>emptied</source>
        <translation>tömt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="528"/>
        <source>replaced</source>
        <translation>ersatt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="529"/>
        <source>pseudonymised (keyed hash)</source>
        <translation>pseudonymiserat (nyckelhash)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="530"/>
        <source>kept</source>
        <translation>behållet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="536"/>
        <source>outcome unknown: the connection broke at COMMIT</source>
        <translation>utfall okänt: anslutningen bröts vid COMMIT</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="537"/>
        <source>changed by someone else — look</source>
        <translation>ändrat av någon annan – titta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="545"/>
        <source>Case {case}: rows to delete {deleted}, to anonymise {updated}, kept under a legal hold {held}.</source>
        <translation>Ärende {case}: rader att radera {deleted}, att anonymisera {updated}, som behålls enligt lag {held}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="569"/>
        <source>No outcome recorded: {note}</source>
        <translation>Inget utfall registrerat: {note}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="533"/>
        <source>draft: not approved</source>
        <translation>utkast: inte godkänd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="107"/>
        <source>Case {case} is not an erasure, rectification or consent-withdrawal request.</source>
        <extracomment>Request types the panel works on, and which part of it they use. (category, table) of a plan tree item; category alone on a category item.</extracomment>
        <translation>Ärende {case} är ingen begäran om radering, rättelse eller återkallat samtycke.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="110"/>
        <source>Open such a case from the queue.</source>
        <translation>Öppna ett sådant ärende från kön.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="113"/>
        <source>The person&apos;s identity is not verified in case {case}.</source>
        <translation>Personens identitet är inte styrkt i ärende {case}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="116"/>
        <source>Verify the identity first; no data is shown or changed before that.</source>
        <translation>Styrk identiteten först; inga uppgifter visas eller ändras dessförinnan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="477"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="478"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n fält</numerusform>
            <numerusform>%n fält</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="533"/>
        <source>approved</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="534"/>
        <source>executed</source>
        <translation>genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="534"/>
        <source>not executed</source>
        <translation>inte genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="535"/>
        <source>being executed</source>
        <translation>genomförs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="535"/>
        <source>superseded</source>
        <translation>ersatt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="538"/>
        <source>Plan {id} by {author}: {state}</source>
        <translation>Plan {id} av {author}: {state}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="541"/>
        <source>approved by {who}</source>
        <translation>godkänd av {who}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="558"/>
        <source>You made or changed this plan, so another approver must approve it.</source>
        <translation>Du har gjort eller ändrat planen, så en annan godkännare måste godkänna den.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="561"/>
        <source>You are not an approver: an approver must approve this plan.</source>
        <translation>Du är inte godkännare: en godkännare måste godkänna planen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="574"/>
        <source>Not executed: {note}</source>
        <translation>Inte genomförd: {note}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="578"/>
        <source>&lt;b&gt;Executed&lt;/b&gt; by {who} on {day}; verification: {check}</source>
        <translation>&lt;b&gt;Genomförd&lt;/b&gt; av {who} {day}; kontroll: {check}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="580"/>
        <source>only the retained data remains</source>
        <translation>bara de behållna uppgifterna finns kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="581"/>
        <source>problems found: {note}</source>
        <translation>problem hittades: {note}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="584"/>
        <source>Deleted</source>
        <translation>Raderade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="584"/>
        <source>Anonymised</source>
        <translation>Anonymiserade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="585"/>
        <source>Retained</source>
        <translation>Behållna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="593"/>
        <source>Kept under a legal hold</source>
        <translation>Behålls enligt lag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="598"/>
        <source>%n row(s) of {table}, may be erased from {ends} ({law})</source>
        <translation>
            <numerusform>%n rad i {table}, får raderas från {ends} ({law})</numerusform>
            <numerusform>%n rader i {table}, får raderas från {ends} ({law})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="620"/>
        <source>Looking the person up in the portal…</source>
        <translation>Slår upp personen i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="647"/>
        <source>Working out exactly what would change…</source>
        <translation>Räknar ut exakt vad som skulle ändras…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="653"/>
        <source>delete row</source>
        <translation>radera rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="653"/>
        <source>change field</source>
        <translation>ändra fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="654"/>
        <source>keep</source>
        <translation>behåll</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="686"/>
        <source>Executing the plan in one portal transaction…</source>
        <translation>Genomför planen i en transaktion i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="700"/>
        <source>Withdrawing consent in one portal transaction…</source>
        <translation>Återkallar samtycket i en transaktion i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="719"/>
        <source>Case {case}: {rows} rows in {tables} tables. Choose the field to correct.</source>
        <translation>Ärende {case}: {rows} rader i {tables} tabeller. Välj fältet som ska rättas.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="772"/>
        <source>{table}.{column} corrected. Tell these recipients (art. 19): {tell}</source>
        <translation>{table}.{column} rättat. Informera dessa mottagare (art. 19): {tell}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="334"/>
        <source>Folder for the letter</source>
        <translation>Mapp för brevet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="664"/>
        <source>Dry run: changes that would be made {n}; nothing was changed.</source>
        <translation>Provkörning: ändringar som skulle göras {n}. Inget har ändrats.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="792"/>
        <source>Writing the confirmation letter…</source>
        <translation>Skriver bekräftelsebrevet…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="795"/>
        <source>Letter written: {path}</source>
        <translation>Brevet skrivet: {path}</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="331"/>
        <source>Extend the deadline – {case}</source>
        <translation>Förläng tidsfristen – {case}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="334"/>
        <source>The person must be told, with the reasons, by {day}.</source>
        <translation>Personen måste underrättas, med skälen, senast {day}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="342"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="343"/>
        <source>Person told on</source>
        <translation>Personen underrättad den</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="76"/>
        <source>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;Requests from data subjects under the GDPR: the queue, identity checks, extracts, erasures and the audit trail.&lt;/p&gt;&lt;p&gt;Complaints about the handling of personal data go to Integritetsskyddsmyndigheten (IMY).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;Begäranden från registrerade enligt dataskyddsförordningen: kön, identitetskontroller, registerutdrag, raderingar och granskningsloggen.&lt;/p&gt;&lt;p&gt;Klagomål på hanteringen av personuppgifter lämnas till Integritetsskyddsmyndigheten (IMY).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HoldsView</name>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="94"/>
        <source>Data an erasure had to keep because a law required it, and whose hold has now ended. Plan its erasure: it then goes through approval like any erasure.</source>
        <translation>Uppgifter som en radering fick behålla för att en lag krävde det, och vars bevarandetid nu har gått ut. Planera raderingen: den godkänns sedan som vilken radering som helst.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="105"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="105"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="105"/>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="105"/>
        <source>Law</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="106"/>
        <source>Hold ended</source>
        <translation>Bevarandetiden slutade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="118"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="121"/>
        <source>Plan erasure</source>
        <translation>Planera radering</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="178"/>
        <source>Looking for holds that have ended…</source>
        <translation>Letar efter bevarandekrav som har gått ut…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="199"/>
        <source>No hold has ended: nothing kept by law is due for erasure.</source>
        <translation>Inget bevarandekrav har gått ut: inget som behålls enligt lag ska raderas nu.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="201"/>
        <source>Select a line and plan the erasure of that case&apos;s data.</source>
        <translation>Välj en rad och planera raderingen av ärendets uppgifter.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="219"/>
        <source>Planning the erasure…</source>
        <translation>Planerar raderingen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/holds_view.py" line="227"/>
        <source>Plan made for case {case}. Review and approve it in the Erasure tab.</source>
        <translation>Plan skapad för ärende {case}. Granska och godkänn den under fliken Radering.</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="46"/>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="50"/>
        <source>Next field (also out of a text box)</source>
        <translation>Nästa fält (även ut ur en textruta)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="51"/>
        <source>Previous field</source>
        <translation>Föregående fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="52"/>
        <source>Confirm a dialog</source>
        <translation>Bekräfta en dialogruta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="52"/>
        <source>Enter (outside text boxes)</source>
        <translation>Retur (utanför textrutor)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="53"/>
        <source>Close a dialog without saving</source>
        <translation>Stäng en dialogruta utan att spara</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="57"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/help.py" line="57"/>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="49"/>
        <source>Write a letter – {case}</source>
        <translation>Skriv ett brev – {case}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="52"/>
        <source>Acknowledgement of the request</source>
        <translation>Bekräftelse på mottagen begäran</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="53"/>
        <source>Request for proof of identity (art. 12(6))</source>
        <translation>Begäran om identitetsbekräftelse (art. 12.6)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="54"/>
        <source>Fee notice (art. 12(5), 15(3))</source>
        <translation>Besked om avgift (art. 12.5, 15.3)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="55"/>
        <source>Refusal (art. 12(4))</source>
        <translation>Avslag (art. 12.4)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="56"/>
        <source>Extension notice (art. 12(3)): extends the case today</source>
        <translation>Besked om förlängning (art. 12.3): förlänger ärendet i dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="57"/>
        <source>Rectification confirmation (art. 16)</source>
        <translation>Bekräftelse på rättelse (art. 16)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="58"/>
        <source>Restriction confirmation (art. 18)</source>
        <translation>Bekräftelse på begränsning (art. 18)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="59"/>
        <source>Objection or consent withdrawal confirmation (art. 21, 7(3))</source>
        <translation>Bekräftelse på invändning eller återkallat samtycke (art. 21, 7.3)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="60"/>
        <source>Notices to recipients (art. 19), one per recipient</source>
        <translation>Underrättelser till mottagare (art. 19), en per mottagare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="68"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="69"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="72"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="79"/>
        <source>Street
Postcode and town</source>
        <translation>Gatuadress
Postnummer och ort</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="85"/>
        <source>What was restricted or stopped, one per line</source>
        <translation>Vad som har begränsats eller upphört, ett per rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="98"/>
        <source>Acknowledgement of a late case: the day the person will have the answer</source>
        <translation>Mottagningsbekräftelse i ett försenat ärende: den dag personen får svaret</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="101"/>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="102"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="103"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="104"/>
        <source>Postal address</source>
        <translation>Postadress</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="105"/>
        <source>Reasons</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="106"/>
        <source>Items</source>
        <translation>Punkter</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="107"/>
        <source>Answer by</source>
        <translation>Svar senast</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="142"/>
        <source>Folder for the letter</source>
        <translation>Mapp för brevet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="150"/>
        <source>Choose the folder the letter is written to.</source>
        <translation>Välj mappen som brevet skrivs till.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="157"/>
        <source>Writing the letter…</source>
        <translation>Skriver brevet…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="167"/>
        <source>{n} letter(s) written and recorded on the case: {files}</source>
        <translation>{n} brev skrivna och registrerade i ärendet: {files}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/letter_dialog.py" line="177"/>
        <source>The letter could not be written: {error}</source>
        <translation>Brevet kunde inte skrivas: {error}</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../privacy_desk/ui/idle_lock.py" line="28"/>
        <source>Privacy Desk is locked because it was not used for a while.</source>
        <translation>Privacy Desk är låst eftersom det inte har använts på en stund.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/idle_lock.py" line="30"/>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../privacy_desk/ui/errors.py" line="20"/>
        <source>Something unexpected went wrong ({name}).</source>
        <translation>Något oväntat gick fel ({name}).</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/errors.py" line="23"/>
        <source>Nothing was changed. The details are in the log file.</source>
        <translation>Inget ändrades. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="229"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="177"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="246"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="176"/>
        <source>Overview</source>
        <extracomment>what the start check settled (first load only), in the services&apos; words Emitted with the number of cases once the queue has been loaded. Emitted with a message when connecting or loading failed.</extracomment>
        <translation>Översikt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="178"/>
        <source>Extract</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="179"/>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="183"/>
        <source>Portability</source>
        <translation>Dataportabilitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="184"/>
        <source>Restriction</source>
        <translation>Begränsning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="185"/>
        <source>Objection</source>
        <translation>Invändning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="194"/>
        <source>Holds that have ended</source>
        <translation>Utgångna bevarandekrav</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="195"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="234"/>
        <source>Find a person</source>
        <translation>Sök person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="206"/>
        <source>Portal: connecting…</source>
        <translation>Portal: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="208"/>
        <source>Case store: connecting…</source>
        <translation>Ärendelager: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="239"/>
        <source>Filter the queue</source>
        <translation>Filtrera kön</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="255"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="294"/>
        <source>Connecting to the portal and case store…</source>
        <translation>Ansluter till portalen och ärendelagret…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="306"/>
        <source>Loading the queue…</source>
        <translation>Läser in kön…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/main_window.py" line="335"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="554"/>
        <source>%n new request(s) imported from the portal.</source>
        <translation>
            <numerusform>%n ny begäran hämtad från portalen.</numerusform>
            <numerusform>%n nya begäranden hämtade från portalen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="343"/>
        <source>Import failed: {message}</source>
        <translation>Hämtningen misslyckades: {message}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="349"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="351"/>
        <source>Connections…</source>
        <translation>Anslutningar…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="357"/>
        <source>Yearly report…</source>
        <translation>Årsrapport…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="362"/>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="369"/>
        <source>&amp;Case</source>
        <translation>Ä&amp;rende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="378"/>
        <source>Write a letter…</source>
        <translation>Skriv brev…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="385"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="406"/>
        <source>&amp;Settings</source>
        <translation>&amp;Inställningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="408"/>
        <source>Organisation…</source>
        <translation>Organisation…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="413"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="415"/>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="419"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="422"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="461"/>
        <source>About Privacy Desk</source>
        <translation>Om Privacy Desk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="505"/>
        <source>Audit trail</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="522"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="523"/>
        <source>Portal: {url}</source>
        <translation>Portal: {url}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="524"/>
        <source>Case store: {url}</source>
        <translation>Ärendelager: {url}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/main_window.py" line="557"/>
        <source>Queue loaded: %n case(s).</source>
        <translation>
            <numerusform>Kön hämtad: %n ärende.</numerusform>
            <numerusform>Kön hämtad: %n ärenden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="561"/>
        <source>Checked what an earlier session left: {lines}</source>
        <translation>Kontrollerade vad en tidigare session lämnade: {lines}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="632"/>
        <source>Select a case in the queue.</source>
        <translation>Välj ett ärende i kön.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="707"/>
        <source>The case is not in the queue yet; refresh (F5).</source>
        <translation>Ärendet finns inte i kön än; uppdatera (F5).</translation>
    </message>
</context>
<context>
    <name>ObjectionPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="51"/>
        <source>Objection to direct marketing (art. 21(2), (3))</source>
        <translation>Invändning mot direktmarknadsföring (art. 21.2, 21.3)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="53"/>
        <source>No balancing test: every marketing channel the data map names is closed for the person in one transaction, then checked.</source>
        <translation>Ingen intresseavvägning: varje marknadsföringskanal som registerkartan anger stängs för personen i en transaktion och kontrolleras sedan.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="56"/>
        <source>Stop all marketing</source>
        <translation>Stoppa all marknadsföring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="70"/>
        <source>Objection to processing on legitimate interest (art. 21(1))</source>
        <translation>Invändning mot behandling som grundas på berättigat intresse (art. 21.1)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="73"/>
        <source>Stop processing, then erase</source>
        <translation>Upphör med behandlingen och radera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="74"/>
        <source>Stop processing, then restrict</source>
        <translation>Upphör med behandlingen och begränsa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="76"/>
        <source>Compelling legitimate grounds: processing goes on</source>
        <translation>Tvingande berättigade skäl: behandlingen fortsätter</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="81"/>
        <source>The reasons of the balancing test (required; the letter quotes them)</source>
        <translation>Skälen för intresseavvägningen (krävs; brevet citerar dem)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="83"/>
        <source>Record decision</source>
        <translation>Registrera beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="92"/>
        <source>Confirmation letter</source>
        <translation>Bekräftelsebrev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="93"/>
        <source>Folder for the letter</source>
        <translation>Mapp för brevet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="94"/>
        <source>Write letter</source>
        <translation>Skriv brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="121"/>
        <source>{channel}: {rows} row(s) changed</source>
        <translation>{channel}: ändrade rader {rows}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="124"/>
        <source>Every marketing channel is closed for the person (checked).</source>
        <translation>Alla marknadsföringskanaler är stängda för personen (kontrollerat).</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="125"/>
        <source>Still open after the change: {channels}</source>
        <translation>Fortfarande öppna efter ändringen: {channels}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="145"/>
        <source>Recorded. Now plan the erasure in the Erasure tab.</source>
        <translation>Registrerat. Planera nu raderingen under fliken Radering.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="146"/>
        <source>Recorded. Now plan the restriction in the Restriction tab.</source>
        <translation>Registrerat. Planera nu begränsningen under fliken Begränsning.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="147"/>
        <source>Recorded: processing goes on.</source>
        <translation>Registrerat: behandlingen fortsätter.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/objection_panel.py" line="163"/>
        <source>Written: {path}</source>
        <translation>Skrivet: {path}</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="53"/>
        <source>Organisation</source>
        <extracomment>Organisation field -&gt; object name of its line edit (tests find them by name).</extracomment>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="61"/>
        <source>Legal name</source>
        <translation>Juridiskt namn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="61"/>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="62"/>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="62"/>
        <source>Postal code and town</source>
        <translation>Postnummer och ort</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="63"/>
        <source>Privacy e-mail</source>
        <translation>E-post för dataskydd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="63"/>
        <source>Privacy phone</source>
        <translation>Telefon för dataskydd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="64"/>
        <source>Web site</source>
        <translation>Webbplats</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="64"/>
        <source>Data protection officer</source>
        <translation>Dataskyddsombud</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="65"/>
        <source>Signature line</source>
        <translation>Underskrift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="65"/>
        <source>Logo (PNG or JPEG)</source>
        <translation>Logotyp (PNG eller JPEG)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="68"/>
        <source>Where the data comes from</source>
        <translation>Varifrån uppgifterna kommer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="69"/>
        <source>Automated decisions</source>
        <translation>Automatiserade beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="70"/>
        <source>Transfers to third countries and safeguards</source>
        <translation>Överföring till tredjeland och skyddsåtgärder</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="71"/>
        <source>How to complain</source>
        <translation>Hur man klagar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="83"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="92"/>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="93"/>
        <source>Standing texts (Swedish)</source>
        <translation>Standardtexter (svenska)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="94"/>
        <source>Standing texts (English)</source>
        <translation>Standardtexter (engelska)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="104"/>
        <source>Data protection officer (in English)</source>
        <translation>Dataskyddsombud (på engelska)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="105"/>
        <source>Signature line (in English)</source>
        <translation>Underskrift (på engelska)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="108"/>
        <source>As on the Company tab</source>
        <translation>Som på fliken Företag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="120"/>
        <source>Every letter is written in this company&apos;s name.</source>
        <translation>Alla brev skrivs i detta företags namn.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="141"/>
        <source>Logo</source>
        <translation>Logotyp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="142"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/organisation_dialog.py" line="164"/>
        <source>The organisation could not be saved: {error}</source>
        <translation>Organisationen kunde inte sparas: {error}</translation>
    </message>
</context>
<context>
    <name>OutputFolderRow</name>
    <message>
        <location filename="../../privacy_desk/ui/pickers.py" line="73"/>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="96"/>
        <source>Open cases</source>
        <extracomment>The case id of a table row (on its first cell). Emitted with a case id when a deadline or a hold is clicked. Emitted once the figures are shown. Emitted with a message when loading failed. Emitted when the officer asks for the yearly report.</extracomment>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="97"/>
        <source>Due within 7 days</source>
        <translation>Förfaller inom 7 dagar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="98"/>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="258"/>
        <source>Overdue</source>
        <translation>Försenade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="99"/>
        <source>Answered on time, last 12 months</source>
        <translation>Besvarade i tid, senaste 12 månaderna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="100"/>
        <source>Median days to answer, last 12 months</source>
        <translation>Median dagar till svar, senaste 12 månaderna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="107"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="109"/>
        <source>Read the figures again (F5 in the queue)</source>
        <translation>Läs in siffrorna igen (F5 i kön)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="111"/>
        <source>Yearly report…</source>
        <translation>Årsrapport…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="114"/>
        <source>The year&apos;s figures as PDF with charts or CSV, for management and IMY</source>
        <translation>Årets siffror som PDF med diagram eller CSV, för ledningen och IMY</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="124"/>
        <source>Requests per month by type</source>
        <translation>Begäranden per månad och typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="125"/>
        <source>Share answered on time (by month received)</source>
        <translation>Andel besvarade i tid (efter inkommen månad)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="126"/>
        <source>Median days to answer (by month received)</source>
        <translation>Median dagar till svar (efter inkommen månad)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="127"/>
        <source>Requests by channel, last 12 months</source>
        <translation>Begäranden per kanal, senaste 12 månaderna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="139"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="139"/>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="144"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="139"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="139"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="140"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="140"/>
        <source>Officer</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="144"/>
        <source>Hold ends</source>
        <translation>Sparas till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="144"/>
        <source>Law</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="144"/>
        <source>Records</source>
        <translation>Poster</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="153"/>
        <source>Click a line to open its case</source>
        <translation>Klicka på en rad för att öppna ärendet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="157"/>
        <source>Next deadlines</source>
        <translation>Närmaste svarsdagar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="158"/>
        <source>Holds that end within 90 days</source>
        <translation>Lagringskrav som upphör inom 90 dagar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="195"/>
        <source>Reading the figures…</source>
        <translation>Läser in siffrorna…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="214"/>
        <source>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</source>
        <translation>jan feb mar apr maj jun jul aug sep okt nov dec</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/overview_tab.py" line="227"/>
        <source>As of {day}: %n request(s) received in the last 12 months, {a} answered.</source>
        <translation>
            <numerusform>Per {day}: %n begäran inkommen de senaste 12 månaderna, {a} besvarade.</numerusform>
            <numerusform>Per {day}: %n begäranden inkomna de senaste 12 månaderna, {a} besvarade.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="243"/>
        <source>On time</source>
        <translation>I tid</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="247"/>
        <source>Median days</source>
        <translation>Median dagar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/overview_tab.py" line="250"/>
        <source>Requests</source>
        <translation>Begäranden</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="568"/>
        <source>Database password</source>
        <translation>Databaslösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="570"/>
        <source>Password for {user} on {host} (profile {name}).
It is not saved: there is no password in the keyring for this profile.</source>
        <translation>Lösenord för {user} på {host} (profil {name}).
Det sparas inte: det finns inget lösenord i nyckelringen för den här profilen.</translation>
    </message>
</context>
<context>
    <name>PersonSearchPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="219"/>
        <source>Personnummer, org.nr, e-mail, phone, customer or invoice number</source>
        <translation>Personnummer, org.nr, e-post, telefon, kund- eller fakturanummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="105"/>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="80"/>
        <source>Identifier</source>
        <extracomment>The person&apos;s cases are listed (their count). The officer opens one of the person&apos;s cases (its id) in the queue. &quot;New case for the person&quot;: a NewCasePrefill for the register dialog.</extracomment>
        <translation>Identitetsuppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="81"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="88"/>
        <source>Postcode (optional)</source>
        <translation>Postnummer (valfritt)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="99"/>
        <source>Why you look, without a case (kept in the audit trail)</source>
        <translation>Varför du söker utan ärende (sparas i granskningsloggen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="101"/>
        <source>A look-up that no case explains needs a reason, e.g. &apos;a caller asks what we hold&apos;. It is written to the audit trail: no personal data in it.</source>
        <translation>En sökning som inget ärende förklarar behöver ett skäl, t.ex. &apos;en uppringare frågar vad vi har om hen&apos;. Skälet skrivs i granskningsloggen: inga personuppgifter i det.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="122"/>
        <source>Data</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="122"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="149"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="149"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="149"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="149"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="159"/>
        <source>Enter or double-click opens the case in the queue</source>
        <translation>Retur eller dubbelklick öppnar ärendet i kön</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="160"/>
        <source>New case for the person…</source>
        <translation>Nytt ärende för personen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="163"/>
        <source>Register a request from this person, filled in from the portal</source>
        <translation>Registrera en begäran från personen, ifylld från kundportalen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="184"/>
        <source>Their cases: loading…</source>
        <translation>Personens ärenden: hämtas…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="198"/>
        <source>Their cases: {n}</source>
        <translation>Personens ärenden: {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="199"/>
        <source>Their cases: none yet</source>
        <translation>Personens ärenden: inga ännu</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="218"/>
        <source>First and last name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="235"/>
        <source>A look-up without a case needs a reason: say why you look.</source>
        <translation>En sökning utan ärende behöver ett skäl: skriv varför du söker.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="246"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="257"/>
        <source>Nobody in the portal matches that name.</source>
        <translation>Ingen i portalen har det namnet.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="259"/>
        <source>Nobody in the portal matches that identifier.</source>
        <translation>Ingen i portalen matchar den uppgiften.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="266"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="269"/>
        <source>More match than are listed: add a postcode.</source>
        <translation>Fler träffar än som visas: lägg till ett postnummer.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="297"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="334"/>
        <source>Row {n}</source>
        <translation>Rad {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="340"/>
        <source>withheld (data map)</source>
        <translation>undantagen (datakartan)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="346"/>
        <source>{label}: {rows} rows in {tables} tables.</source>
        <translation>{label}: {rows} rader i {tables} tabeller.</translation>
    </message>
</context>
<context>
    <name>PortabilityPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="56"/>
        <source>What the copy holds (art. 20)</source>
        <translation>Vad kopian innehåller (art. 20)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="59"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="59"/>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="60"/>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="66"/>
        <source>Cover letter and copy</source>
        <translation>Följebrev och kopia</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="68"/>
        <source>Folder for the letter and the copy</source>
        <translation>Mapp för brevet och kopian</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="72"/>
        <source>Password (optional: encrypts the zip)</source>
        <translation>Lösenord (valfritt: krypterar zip-filen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="73"/>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="81"/>
        <source>Direct transfer to another controller (art. 20(2))</source>
        <translation>Direktöverföring till en annan personuppgiftsansvarig (art. 20.2)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="87"/>
        <source>e.g. SFTP, registered mail</source>
        <translation>t.ex. SFTP, rekommenderat brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="89"/>
        <source>Record transfer</source>
        <translation>Registrera överföring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="93"/>
        <source>Sent to</source>
        <translation>Skickad till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="94"/>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="111"/>
        <source>Left out: inferred or created by the company</source>
        <translation>Ingår inte: framräknat eller skapat av företaget</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="112"/>
        <source>Left out: another legal basis than consent or contract</source>
        <translation>Ingår inte: annan rättslig grund än samtycke eller avtal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="114"/>
        <source>Left out: never disclosed</source>
        <translation>Ingår inte: lämnas aldrig ut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="115"/>
        <source>Left out: another person</source>
        <translation>Ingår inte: en annan person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="116"/>
        <source>Left out: not classified in the data map</source>
        <translation>Ingår inte: inte klassat i registerkartan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="139"/>
        <source>Included</source>
        <translation>Ingår</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="151"/>
        <source>Case {case}: {rows} row(s) go into the copy.</source>
        <translation>Ärende {case}: rader i kopian {rows}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="170"/>
        <source>Written: {files}</source>
        <translation>Skrivet: {files}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/portability_panel.py" line="186"/>
        <source>Recorded: the copy was sent to {to} ({how}).</source>
        <translation>Registrerat: kopian skickades till {to} ({how}).</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="83"/>
        <source>Data</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="83"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="90"/>
        <source>Why is this withheld? (e.g. another person&apos;s data, art. 15(4))</source>
        <translation>Varför undantas detta? (t.ex. en annan persons uppgifter, art. 15.4)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="92"/>
        <source>Withhold</source>
        <translation>Undanta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="95"/>
        <source>Disclose again</source>
        <translation>Lämna ut igen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="101"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="102"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="106"/>
        <source>optional, for sending by e-mail</source>
        <translation>valfritt, för att skicka med e-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="109"/>
        <source>Export extract</source>
        <translation>Exportera registerutdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="118"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="119"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="120"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="149"/>
        <source>Looking the person up in the portal…</source>
        <translation>Söker personen i kundportalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="157"/>
        <source>Nobody in the portal matches the identifiers of this request.</source>
        <translation>Ingen i kundportalen matchar identifierarna i denna begäran.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="164"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="178"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="203"/>
        <source>Row {n}</source>
        <translation>Rad {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="208"/>
        <source>withheld (data map)</source>
        <translation>undantagen (datakartan)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="224"/>
        <source>Case {case}: {rows} rows in {tables} tables; {withheld} withheld.</source>
        <translation>Ärende {case}: {rows} rader i {tables} tabeller; {withheld} undantagna.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="272"/>
        <source>Withheld: {reason}</source>
        <translation>Undantagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="107"/>
        <source>Folder for the extract</source>
        <translation>Mapp för registerutdraget</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="276"/>
        <source>withheld – {reason}</source>
        <translation>undantagen – {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="324"/>
        <source>Writing the extract…</source>
        <translation>Skriver registerutdraget…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="337"/>
        <source>Extract written: {files}</source>
        <translation>Registerutdrag skrivet: {files}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="48"/>
        <source>Decision needed</source>
        <extracomment>The case&apos;s markers (a :class:`Mark` set) for tests and the view filters.</extracomment>
        <translation>Beslut krävs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="49"/>
        <source>Approval needed</source>
        <translation>Godkännande krävs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="50"/>
        <source>Waiting for the person</source>
        <translation>Väntar på personen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="57"/>
        <source>An extract beyond the yearly free one: record the allowance decision before answering.</source>
        <translation>Ett utdrag utöver det kostnadsfria per år: registrera beslutet innan ärendet besvaras.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="60"/>
        <source>The erasure plan waits for a second officer&apos;s approval.</source>
        <translation>Raderingsplanen väntar på en andra handläggares godkännande.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="62"/>
        <source>Waiting for the person&apos;s proof of identity.</source>
        <translation>Väntar på personens identitetsbevis.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="102"/>
        <source>Case</source>
        <extracomment>Columns whose text a narrow queue may cut short (&quot;Registeru…&quot;); their tooltip is the whole text.</extracomment>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="103"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="104"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="105"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="106"/>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="107"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="108"/>
        <source>To do</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="109"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="110"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="239"/>
        <source>Filter by case number or person…</source>
        <extracomment>The views in the order of their tabs (and of Ctrl+1 … Ctrl+7 in the View menu). The case the officer is looking at changed: a :class:`CaseView`, or None. Emitted with the case id once its details are shown. The &quot;open · due within 7 days · overdue&quot; line for the status bar. The officer picked another view of the queue (a QueueView value). Columns that give up width when the queue is narrow, in this order, and the least each keeps: first the width a long title holds over short values (days left, to do, officer), then words that elide readably. The case number and the dates are never cut. The least the person&apos;s name keeps (it wraps onto a second line).</extracomment>
        <translation>Filtrera på ärendenummer eller person…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="245"/>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="246"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="253"/>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="260"/>
        <source>Anyone</source>
        <translation>Alla handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="261"/>
        <source>Unassigned</source>
        <translation>Ej tilldelade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="264"/>
        <source>Overdue only</source>
        <translation>Endast försenade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="380"/>
        <source>Open: {open} · Due within 7 days: {week} · Overdue: {late}</source>
        <translation>Öppna: {open} · Förfaller inom 7 dagar: {week} · Försenade: {late}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="52"/>
        <source>My cases</source>
        <extracomment>The assignee filter&apos;s value for cases nobody holds.</extracomment>
        <translation>Mina ärenden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="53"/>
        <source>To approve</source>
        <translation>Att godkänna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="54"/>
        <source>Waiting for identity</source>
        <translation>Väntar på identitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="55"/>
        <source>Decision needed</source>
        <translation>Beslut krävs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="56"/>
        <source>All open</source>
        <translation>Alla öppna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="57"/>
        <source>Closed</source>
        <translation>Stängda</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_filter.py" line="58"/>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="185"/>
        <source>Register a request</source>
        <translation>Registrera en begäran</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="198"/>
        <source>Who took the call or the visit</source>
        <translation>Vem som tog emot samtalet eller besöket</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="203"/>
        <source>Name as the request gives it</source>
        <translation>Namn som det står i begäran</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="204"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="205"/>
        <source>Arrived by</source>
        <translation>Inkom via</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="206"/>
        <source>Taken by</source>
        <translation>Mottagen av</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="207"/>
        <source>Received on (postmark, e-mail or call date)</source>
        <translation>Inkom (poststämpel, e-post- eller samtalsdatum)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="211"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="213"/>
        <source>Recognise</source>
        <translation>Känn igen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="213"/>
        <source>Personnummer</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="214"/>
        <source>Organisationsnummer</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="214"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="215"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="215"/>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="227"/>
        <source>Identifier {n}</source>
        <translation>Identifierare {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="232"/>
        <source>Add scan…</source>
        <translation>Lägg till skanning…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="234"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="243"/>
        <source>Scans (PDF, PNG, JPEG)</source>
        <translation>Skanningar (PDF, PNG, JPEG)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="247"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="277"/>
        <source>Add scans</source>
        <translation>Lägg till skanningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="277"/>
        <source>Scans (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Skanningar (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../privacy_desk/ui/reminders.py" line="75"/>
        <source>Privacy Desk</source>
        <extracomment>The setting (settings.json) and its default: remind of cases due within this many days. The morning&apos;s reminder comes with the first check from this hour (Stockholm time). How often the clock is looked at (the reminder itself comes once a day). Case numbers named in the notification before &quot;and N more&quot;. Emitted with the case id when the notification is clicked. Emitted after each check with (title, text); empty when nothing was due.</extracomment>
        <translation>Privacy Desk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/reminders.py" line="121"/>
        <source>Privacy Desk: cases to answer</source>
        <translation>Privacy Desk: ärenden att besvara</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/reminders.py" line="124"/>
        <source>%n case(s) overdue</source>
        <translation>
            <numerusform>%n ärende försenat</numerusform>
            <numerusform>%n ärenden försenade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/reminders.py" line="126"/>
        <source>%n case(s) due within {days} days</source>
        <translation>
            <numerusform>%n ärende förfaller inom {days} dagar</numerusform>
            <numerusform>%n ärenden förfaller inom {days} dagar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/reminders.py" line="131"/>
        <source>and {n} more</source>
        <translation>och {n} till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/reminders.py" line="132"/>
        <source>Click to open {case}.</source>
        <translation>Klicka för att öppna {case}.</translation>
    </message>
</context>
<context>
    <name>RestrictionPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="78"/>
        <source>Restriction plan</source>
        <translation>Begränsningsplan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="85"/>
        <source>Why? (required, the person reads it)</source>
        <translation>Varför? (krävs, personen läser det)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="92"/>
        <source>Plan</source>
        <translation>Planera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="98"/>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="155"/>
        <source>Review on</source>
        <translation>Se över den</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="103"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="103"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="104"/>
        <source>How the portal is told</source>
        <translation>Hur portalen får veta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="104"/>
        <source>Fields</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="110"/>
        <source>Dry run</source>
        <translation>Provkörning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="113"/>
        <source>Apply</source>
        <translation>Genomför</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="126"/>
        <source>Letters and lifting (the person is told first, art. 18(3))</source>
        <translation>Brev och hävning (personen får besked först, art. 18.3)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="127"/>
        <source>Folder for the letter</source>
        <translation>Mapp för brevet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="128"/>
        <source>Write confirmation</source>
        <translation>Skriv bekräftelse</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="134"/>
        <source>Why is it lifted? (the notice says it)</source>
        <translation>Varför hävs den? (beskedet säger det)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="136"/>
        <source>Write notice</source>
        <translation>Skriv besked</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="139"/>
        <source>Lift</source>
        <translation>Häv</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="151"/>
        <source>Active restrictions</source>
        <translation>Gällande begränsningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="154"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="154"/>
        <source>Ground</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="154"/>
        <source>Since</source>
        <translation>Sedan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="155"/>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="156"/>
        <source>Notice written</source>
        <translation>Besked skrivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="158"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="168"/>
        <source>Accuracy contested (18(1)(a))</source>
        <translation>Riktigheten bestrids (18.1 a)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="169"/>
        <source>Unlawful, kept at the person&apos;s wish (18(1)(b))</source>
        <translation>Olaglig, sparas på personens begäran (18.1 b)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="170"/>
        <source>Needed for the person&apos;s legal claims (18(1)(c))</source>
        <translation>Behövs för personens rättsliga anspråk (18.1 c)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="171"/>
        <source>Objection being considered (18(1)(d))</source>
        <translation>Invändning prövas (18.1 d)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="174"/>
        <source>Flag column</source>
        <translation>Flaggkolumn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="174"/>
        <source>Status value</source>
        <translation>Statusvärde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="175"/>
        <source>Restriction register</source>
        <translation>Begränsningsregister</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="176"/>
        <source>No means in the portal: tell {systems}</source>
        <translation>Inget stöd i portalen: underrätta {systems}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="210"/>
        <source>whole row</source>
        <translation>hela raden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="214"/>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="214"/>
        <source>being applied</source>
        <translation>genomförs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="215"/>
        <source>active</source>
        <translation>gäller</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="215"/>
        <source>not executed</source>
        <translation>inte genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="216"/>
        <source>lifted</source>
        <translation>hävd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="217"/>
        <source>Restriction {id}: {state}</source>
        <translation>Begränsning {id}: {state}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="219"/>
        <source>; notice written</source>
        <translation>; besked skrivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="251"/>
        <source>Dry run: {n} row(s) would be marked; nothing was changed.</source>
        <translation>Provkörning: rader som skulle markeras {n}; inget ändrades.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="265"/>
        <source>Applied and checked in the portal.</source>
        <translation>Genomförd och kontrollerad i portalen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="266"/>
        <source>Applied, but the check found markers missing.</source>
        <translation>Genomförd, men kontrollen fann att markeringar saknas.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="293"/>
        <source>Written: {path}</source>
        <translation>Skrivet: {path}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="319"/>
        <source>Lifted; the markers are gone from the portal.</source>
        <translation>Hävd; markeringarna är borta ur portalen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="337"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/restriction_panel.py" line="337"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
</context>
<context>
    <name>RightsPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="41"/>
        <source>Case {case} is not a request of this kind.</source>
        <translation>Ärende {case} är ingen begäran av det här slaget.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="43"/>
        <source>Open such a case from the queue.</source>
        <translation>Öppna ett sådant ärende från kön.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="88"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="89"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="92"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="118"/>
        <source>Looking the case and its person up…</source>
        <translation>Slår upp ärendet och personen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="135"/>
        <source>Nobody in the portal matches the identifiers of this request.</source>
        <translation>Ingen i portalen matchar identiteterna i denna begäran.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="143"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/rights_base.py" line="153"/>
        <source>Case {case}: the person is found.</source>
        <translation>Ärende {case}: personen är hittad.</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="406"/>
        <source>Change status – {case}</source>
        <translation>Ändra status – {case}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="428"/>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="429"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="439"/>
        <source>A reason is required for this move.</source>
        <translation>Ett skäl krävs för den här ändringen.</translation>
    </message>
</context>
<context>
    <name>VerifyIdentityDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="305"/>
        <source>Verify identity – {case}</source>
        <translation>Verifiera identitet – {case}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="314"/>
        <source>What was checked, e.g. signature matches the customer record</source>
        <translation>Vad som kontrollerades, t.ex. att namnteckningen stämmer med kunduppgifterna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="317"/>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="318"/>
        <source>Evidence</source>
        <translation>Underlag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="319"/>
        <source>Verified on</source>
        <translation>Verifierad den</translation>
    </message>
</context>
<context>
    <name>YearReportDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="56"/>
        <source>Yearly report</source>
        <extracomment>Emitted with the file written. Emitted with the message when writing failed.</extracomment>
        <translation>Årsrapport</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="65"/>
        <source>PDF with charts</source>
        <translation>PDF med diagram</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="66"/>
        <source>CSV (for spreadsheets)</source>
        <translation>CSV (för kalkylark)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="74"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="80"/>
        <source>&amp;Year</source>
        <translation>&amp;År</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="81"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="82"/>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="83"/>
        <source>F&amp;ile</source>
        <translation>F&amp;il</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="88"/>
        <source>Create</source>
        <translation>Skapa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="111"/>
        <source>yearly-report-{year}</source>
        <translation>arsrapport-{year}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="118"/>
        <source>Save the yearly report</source>
        <translation>Spara årsrapporten</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="127"/>
        <source>Choose where to save the report.</source>
        <translation>Välj var rapporten ska sparas.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="134"/>
        <source>Writing the report…</source>
        <translation>Skriver rapporten…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../privacy_desk/ui/year_report_dialog.py" line="142"/>
        <source>Saved {path}: %n request(s) received in {year}.</source>
        <translation>
            <numerusform>Sparade {path}: %n begäran inkommen {year}.</numerusform>
            <numerusform>Sparade {path}: %n begäranden inkomna {year}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>auditDetails</name>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="34"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="35"/>
        <source>administrator</source>
        <translation>administratör</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="36"/>
        <source>after months</source>
        <translation>efter månader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="37"/>
        <source>anchors</source>
        <translation>förankringar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="38"/>
        <source>scan</source>
        <translation>skanning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="39"/>
        <source>scans</source>
        <translation>skanningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="40"/>
        <source>by</source>
        <translation>genom</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="41"/>
        <source>bytes</source>
        <translation>byte</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="42"/>
        <source>matches</source>
        <translation>träffar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="43"/>
        <source>case</source>
        <translation>ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="44"/>
        <source>cases</source>
        <translation>ärenden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="45"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="46"/>
        <source>change</source>
        <translation>ändring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="47"/>
        <source>channel</source>
        <translation>kanal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="48"/>
        <source>channels</source>
        <translation>kanaler</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="49"/>
        <source>column</source>
        <translation>kolumn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="50"/>
        <source>decision</source>
        <translation>beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="51"/>
        <source>deleted</source>
        <translation>raderade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="52"/>
        <source>differences</source>
        <translation>skillnader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="53"/>
        <source>new due date</source>
        <translation>nytt sista svarsdatum</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="54"/>
        <source>entries</source>
        <translation>poster</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="55"/>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="56"/>
        <source>extract</source>
        <translation>utdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="57"/>
        <source>extracts in the period</source>
        <translation>utdrag under perioden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="58"/>
        <source>files</source>
        <translation>filer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="59"/>
        <source>marked by a flag</source>
        <translation>märkta med flagga</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="60"/>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="61"/>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="62"/>
        <source>second person required</source>
        <translation>andra person krävdes</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="63"/>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="64"/>
        <source>ground</source>
        <translation>grund</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="65"/>
        <source>kept under a hold</source>
        <translation>bevarade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="66"/>
        <source>identifier kind</source>
        <translation>typ av identifierare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="67"/>
        <source>identifier kinds</source>
        <translation>typer av identifierare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="68"/>
        <source>identifiers</source>
        <translation>identifierare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="69"/>
        <source>key id</source>
        <translation>nyckel-id</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="70"/>
        <source>kind</source>
        <translation>typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="71"/>
        <location filename="../../privacy_desk/ui/audit_words.py" line="72"/>
        <source>language</source>
        <translation>språk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="73"/>
        <source>late</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="74"/>
        <source>still present</source>
        <translation>kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="75"/>
        <source>fields left out</source>
        <translation>utelämnade fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="76"/>
        <source>letters</source>
        <translation>brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="77"/>
        <source>lines</source>
        <translation>rader i förhandsvisningen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="78"/>
        <source>method</source>
        <translation>metod</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="79"/>
        <source>recorded on the case only</source>
        <translation>bara noterade i ärendet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="80"/>
        <location filename="../../privacy_desk/ui/audit_words.py" line="124"/>
        <source>officer</source>
        <translation>handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="81"/>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="82"/>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="83"/>
        <source>postcode</source>
        <translation>postnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="84"/>
        <source>problems</source>
        <translation>problem</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="85"/>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="86"/>
        <source>reason</source>
        <translation>skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="87"/>
        <source>in the restriction register</source>
        <translation>i begränsningsregistret</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="88"/>
        <source>restriction</source>
        <translation>begränsning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="89"/>
        <source>roles</source>
        <translation>roller</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="90"/>
        <source>rows</source>
        <translation>rader</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="91"/>
        <source>entry</source>
        <translation>post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="92"/>
        <source>state</source>
        <translation>läge</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="93"/>
        <source>marked by a status</source>
        <translation>märkta med status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="94"/>
        <source>person&apos;s table</source>
        <translation>personens tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="95"/>
        <source>table</source>
        <translation>tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="96"/>
        <source>tables</source>
        <translation>tabeller</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="97"/>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="98"/>
        <source>person told on</source>
        <translation>personen underrättad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="99"/>
        <source>anonymised</source>
        <translation>anonymiserade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="100"/>
        <source>verified</source>
        <translation>kontrollerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="101"/>
        <source>was</source>
        <translation>tidigare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="102"/>
        <source>withheld</source>
        <translation>undantagna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="103"/>
        <source>year</source>
        <translation>år</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="108"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="109"/>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="114"/>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="115"/>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="125"/>
        <source>approver</source>
        <translation>godkännare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="126"/>
        <source>auditor</source>
        <translation>granskare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="154"/>
        <source>profile saved</source>
        <translation>profil sparad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="155"/>
        <source>profile removed</source>
        <translation>profil borttagen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="156"/>
        <source>profile put in use</source>
        <translation>profil tagen i bruk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="157"/>
        <source>password kept in the keyring</source>
        <translation>lösenord sparat i nyckelringen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="159"/>
        <source>organisation details saved</source>
        <translation>organisationsuppgifter sparade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="168"/>
        <source>recorded</source>
        <translation>registrerat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="169"/>
        <source>not written</source>
        <translation>inte skrivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="170"/>
        <source>incomplete</source>
        <translation>ofullständigt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="171"/>
        <source>compelling legitimate grounds</source>
        <translation>tvingande berättigade skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="173"/>
        <source>processing stopped</source>
        <translation>behandlingen stoppad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="196"/>
        <source>claim and identity check</source>
        <extracomment>Keys whose values are codes with words; any other value is shown as stored.</extracomment>
        <translation>tilldelning och identitetskontroll</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="198"/>
        <source>none</source>
        <translation>inget</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="199"/>
        <source>given</source>
        <translation>angivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_words.py" line="202"/>
        <source>(whole row)</source>
        <translation>(hela raden)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="18"/>
        <source>Access (extract)</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="19"/>
        <source>Rectification</source>
        <translation>Rättelse</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="20"/>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="21"/>
        <source>Restriction</source>
        <translation>Begränsning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="22"/>
        <source>Portability</source>
        <translation>Dataportabilitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="23"/>
        <source>Objection</source>
        <translation>Invändning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="24"/>
        <source>Consent withdrawal</source>
        <translation>Återkallat samtycke</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="34"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="35"/>
        <source>Awaiting identity</source>
        <translation>Väntar på identitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="36"/>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="37"/>
        <source>Extended</source>
        <translation>Förlängd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="38"/>
        <source>Answered</source>
        <translation>Besvarad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="39"/>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="40"/>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="41"/>
        <source>Withdrawn</source>
        <translation>Återkallad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="51"/>
        <source>On time</source>
        <translation>God tid</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="52"/>
        <source>Due soon</source>
        <translation>Snart</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="53"/>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="54"/>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="61"/>
        <source>Min sida (portal)</source>
        <translation>Min sida (portalen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="62"/>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="63"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="64"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="65"/>
        <source>In person</source>
        <translation>Personligt besök</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="80"/>
        <source>Imported from the portal</source>
        <translation>Hämtad från portalen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="81"/>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="82"/>
        <location filename="../../privacy_desk/ui/labels.py" line="199"/>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="83"/>
        <source>Assigned</source>
        <translation>Tilldelad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="84"/>
        <source>Claimed</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="85"/>
        <source>Released</source>
        <translation>Lämnad ifrån</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="86"/>
        <location filename="../../privacy_desk/ui/labels.py" line="165"/>
        <source>Identity verified</source>
        <translation>Identitet verifierad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="87"/>
        <source>Scan attached</source>
        <translation>Skanning bifogad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="88"/>
        <location filename="../../privacy_desk/ui/labels.py" line="135"/>
        <source>Allowance decision</source>
        <translation>Beslut om utdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="89"/>
        <location filename="../../privacy_desk/ui/labels.py" line="145"/>
        <source>Data rectified</source>
        <translation>Uppgifter rättade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="90"/>
        <location filename="../../privacy_desk/ui/labels.py" line="146"/>
        <source>Data withheld</source>
        <translation>Uppgifter undanhållna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="91"/>
        <location filename="../../privacy_desk/ui/labels.py" line="200"/>
        <source>Withholding undone</source>
        <translation>Undantag upphävt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="92"/>
        <source>Extract produced</source>
        <translation>Registerutdrag framställt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="93"/>
        <location filename="../../privacy_desk/ui/labels.py" line="166"/>
        <source>Letter written</source>
        <translation>Brev skrivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="94"/>
        <location filename="../../privacy_desk/ui/labels.py" line="142"/>
        <source>Identifiers minimised</source>
        <translation>Identifierare minimerade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="95"/>
        <location filename="../../privacy_desk/ui/labels.py" line="160"/>
        <source>Erasure planned</source>
        <translation>Radering planerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="96"/>
        <source>Erasure decision</source>
        <translation>Beslut om radering</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="97"/>
        <location filename="../../privacy_desk/ui/labels.py" line="152"/>
        <source>Erasure approved</source>
        <translation>Radering godkänd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="98"/>
        <location filename="../../privacy_desk/ui/labels.py" line="155"/>
        <source>Erasure executed</source>
        <translation>Radering genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="99"/>
        <location filename="../../privacy_desk/ui/labels.py" line="158"/>
        <source>Erasure not executed</source>
        <translation>Radering inte genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="100"/>
        <source>Erasure: data changed by someone else</source>
        <translation>Radering: uppgifterna ändrade av någon annan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="102"/>
        <location filename="../../privacy_desk/ui/labels.py" line="159"/>
        <source>Erasure outcome unknown</source>
        <translation>Raderingens utfall okänt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="103"/>
        <location filename="../../privacy_desk/ui/labels.py" line="156"/>
        <source>Erasure confirmation written</source>
        <translation>Raderingsbekräftelse skriven</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="104"/>
        <location filename="../../privacy_desk/ui/labels.py" line="194"/>
        <source>Restriction planned</source>
        <translation>Begränsning planerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="105"/>
        <location filename="../../privacy_desk/ui/labels.py" line="185"/>
        <source>Restriction applied</source>
        <translation>Begränsning genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="106"/>
        <source>Restriction recovered as applied</source>
        <translation>Begränsning återställd som genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="108"/>
        <location filename="../../privacy_desk/ui/labels.py" line="190"/>
        <source>Restriction not applied</source>
        <translation>Begränsning inte genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="109"/>
        <location filename="../../privacy_desk/ui/labels.py" line="187"/>
        <source>Restriction confirmation written</source>
        <translation>Begränsningsbekräftelse skriven</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="111"/>
        <location filename="../../privacy_desk/ui/labels.py" line="192"/>
        <source>Notice before lifting written</source>
        <translation>Besked före hävning skrivet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="112"/>
        <location filename="../../privacy_desk/ui/labels.py" line="189"/>
        <source>Restriction lifted</source>
        <translation>Begränsning hävd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="113"/>
        <source>Portability copy produced</source>
        <translation>Portabilitetskopia framställd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="114"/>
        <location filename="../../privacy_desk/ui/labels.py" line="183"/>
        <source>Copy sent to another controller</source>
        <translation>Kopia skickad till annan personuppgiftsansvarig</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="115"/>
        <location filename="../../privacy_desk/ui/labels.py" line="168"/>
        <source>Direct marketing stopped</source>
        <translation>Direktmarknadsföring stoppad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="116"/>
        <location filename="../../privacy_desk/ui/labels.py" line="169"/>
        <source>Objection decided</source>
        <translation>Beslut om invändning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="117"/>
        <location filename="../../privacy_desk/ui/labels.py" line="170"/>
        <source>Objection confirmation written</source>
        <translation>Bekräftelse av invändning skriven</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="136"/>
        <source>Scan viewed</source>
        <translation>Skanning visad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="137"/>
        <source>Scans attached</source>
        <translation>Skanningar bifogade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="138"/>
        <source>Audit trail anchored</source>
        <translation>Granskningsloggen förankrad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="139"/>
        <source>Audit trail exported</source>
        <translation>Granskningsloggen exporterad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="140"/>
        <source>Audit trail verified</source>
        <translation>Granskningsloggen kontrollerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="141"/>
        <source>Case claimed</source>
        <translation>Ärende taget</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="143"/>
        <source>Case registered</source>
        <translation>Ärende registrerat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="144"/>
        <source>Case released</source>
        <translation>Ärende släppt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="147"/>
        <source>Minimisation key exported</source>
        <translation>Minimeringsnyckeln exporterad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="149"/>
        <source>Minimisation key imported</source>
        <translation>Minimeringsnyckeln importerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="151"/>
        <source>Deadline extended</source>
        <translation>Tidsfrist förlängd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="153"/>
        <source>Erasure decision changed</source>
        <translation>Raderingsbeslut ändrat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="154"/>
        <source>Erasure dry run viewed</source>
        <translation>Provkörning av radering visad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="161"/>
        <source>Erasure outcome reconciled</source>
        <translation>Raderingens utfall stämt av</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="162"/>
        <source>Erasure started</source>
        <translation>Radering påbörjad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="163"/>
        <source>Extract checked</source>
        <translation>Utdrag kontrollerat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="164"/>
        <source>Extract exported</source>
        <translation>Utdrag exporterat</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="167"/>
        <source>Signed in</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="172"/>
        <source>Officer added</source>
        <translation>Handläggare tillagd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="173"/>
        <source>First administrator set up</source>
        <translation>Första administratören upplagd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="174"/>
        <source>Officer changed</source>
        <translation>Handläggare ändrad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="175"/>
        <source>Person&apos;s cases viewed</source>
        <translation>Personens ärenden visade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="176"/>
        <source>Person&apos;s data viewed</source>
        <translation>Personens uppgifter visade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="177"/>
        <source>Person&apos;s history viewed</source>
        <translation>Personens historik visad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="178"/>
        <source>Person searched for</source>
        <translation>Sökning efter person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="179"/>
        <source>Personal data viewed</source>
        <translation>Personuppgifter visade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="180"/>
        <source>Portability copy exported</source>
        <translation>Portabilitetskopia exporterad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="181"/>
        <source>Portability copy previewed</source>
        <translation>Portabilitetskopia förhandsvisad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="186"/>
        <source>Restriction dry run viewed</source>
        <translation>Provkörning av begränsning visad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="195"/>
        <source>Restriction outcome reconciled</source>
        <translation>Begränsningens utfall stämt av</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="197"/>
        <source>Restriction started</source>
        <translation>Begränsning påbörjad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="198"/>
        <source>Settings changed</source>
        <translation>Inställningar ändrade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="201"/>
        <source>Yearly report exported</source>
        <translation>Årsrapport exporterad</translation>
    </message>
</context>
</TS>
