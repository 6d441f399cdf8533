<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="93"/>
        <source>When</source>
        <extracomment>Entries per page of the table. The period shown when the view opens: the last 30 days.</extracomment>
        <translation>När</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="93"/>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="93"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="93"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="94"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="152"/>
        <source>Audit trail</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="161"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="164"/>
        <source>Verify chain</source>
        <translation>Kontrollera kedjan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="167"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="170"/>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="174"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="176"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="196"/>
        <source>Previous</source>
        <translation>Föregående</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="199"/>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="269"/>
        <source>Entries {first}–{last} of {total}</source>
        <translation>Poster {first}–{last} av {total}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="272"/>
        <source>No entries in this period.</source>
        <translation>Inga poster under perioden.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="324"/>
        <source>OK: the audit trail is intact ({entries} entries). Head #{seq}: {hash} — note it down to detect a later rewrite.</source>
        <translation>OK: granskningsloggen är intakt ({entries} poster). Senaste #{seq}: {hash} — anteckna den för att upptäcka en senare omskrivning.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="333"/>
        <source>TAMPERED: {count} problem(s) found in {entries} entries.</source>
        <translation>MANIPULERAD: {count} problem hittades i {entries} poster.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="344"/>
        <source>Export the audit trail</source>
        <translation>Exportera granskningsloggen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="350"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="351"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/audit_view.py" line="376"/>
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
        <location filename="../../privacy_desk/ui/case_detail.py" line="75"/>
        <source>Personnummer</source>
        <extracomment>An erasure plan of the case waits for a second officer&apos;s approval.</extracomment>
        <translation>Personnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="76"/>
        <source>Organisationsnummer</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="77"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="78"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="79"/>
        <source>Customer number</source>
        <translation>Kundnummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="80"/>
        <source>Customer id</source>
        <translation>Kund-id</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="90"/>
        <source>(extended)</source>
        <translation>(förlängd)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="93"/>
        <source>Verified {day}</source>
        <translation>Verifierad {day}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="98"/>
        <source>Not verified: no data may be shown or sent</source>
        <translation>Inte kontrollerad: inga uppgifter får visas eller skickas</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="101"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="103"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="104"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="105"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="106"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="107"/>
        <source>, taken by {name}</source>
        <translation>, mottagen av {name}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="109"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="110"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="111"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="112"/>
        <source>(nobody)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="113"/>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="117"/>
        <source>Extension</source>
        <translation>Förlängning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="118"/>
        <source>Person told {day}: {reason}</source>
        <translation>Personen underrättad {day}: {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="122"/>
        <source>Yearly allowance</source>
        <translation>Årligt fritt utdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="126"/>
        <source>Erasure plan</source>
        <translation>Raderingsplan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="127"/>
        <source>Waits for a second officer&apos;s approval</source>
        <translation>Väntar på en andra handläggares godkännande</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="129"/>
        <source>Identifiers</source>
        <translation>Identifierare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="133"/>
        <source>Scans</source>
        <translation>Inskannade dokument</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="300"/>
        <source>Decision: {kind} – {reason}</source>
        <translation>Beslut: {kind} – {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="306"/>
        <source>Free: {count} earlier extract(s) since {start}</source>
        <translation>Kostnadsfritt: {count} tidigare utdrag sedan {start}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="309"/>
        <source>Beyond the allowance ({count} since {start}): a decision is needed</source>
        <translation>Utöver det fria utdraget ({count} sedan {start}): ett beslut krävs</translation>
    </message>
</context>
<context>
    <name>CaseDetailPane</name>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="187"/>
        <source>The person’s requests</source>
        <translation>Personens begäranden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="190"/>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="222"/>
        <source>Select a case in the queue.</source>
        <extracomment>The events shown, as (time, actor, event, note) texts, oldest first.</extracomment>
        <translation>Välj ett ärende i kön.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_detail.py" line="226"/>
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
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="100"/>
        <source>Connections</source>
        <translation>Anslutningar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="106"/>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="109"/>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="123"/>
        <source>Portal</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="124"/>
        <source>Case store</source>
        <translation>Ärendelager</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="133"/>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="158"/>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="146"/>
        <source>default</source>
        <translation>standard</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="166"/>
        <source>Use this profile when the app starts</source>
        <translation>Använd den här profilen när appen startar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="170"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="171"/>
        <source>Used for</source>
        <translation>Används för</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="172"/>
        <source>Database type</source>
        <translation>Databastyp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="173"/>
        <source>SQLite file</source>
        <translation>SQLite-fil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="174"/>
        <source>Host</source>
        <translation>Värd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="175"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="176"/>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="177"/>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="178"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="179"/>
        <source>TLS mode</source>
        <translation>TLS-läge</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="180"/>
        <source>CA file</source>
        <translation>CA-fil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="192"/>
        <source>Test connection</source>
        <translation>Testa anslutningen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="195"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="198"/>
        <source>New data map…</source>
        <translation>Ny datakarta…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="201"/>
        <source>Draft a data map of this portal from its tables and sampled values (read-only)</source>
        <translation>Gör ett utkast till datakarta för portalen utifrån dess tabeller och stickprov av värden (endast läsning)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="237"/>
        <source>Passwords are kept in the system keyring, never in a file.</source>
        <translation>Lösenord sparas i systemets nyckelring, aldrig i en fil.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="238"/>
        <source>stored in the keyring</source>
        <translation>sparas i nyckelringen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="241"/>
        <source>No secure keyring is available on this computer: the password is not saved. It is used to test the connection, and the app asks for it each time it connects.</source>
        <translation>Det finns ingen säker nyckelring på den här datorn: lösenordet sparas inte. Det används för att testa anslutningen, och appen frågar efter det varje gång den ansluter.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="245"/>
        <source>not saved: no secure keyring</source>
        <translation>sparas inte: ingen säker nyckelring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="271"/>
        <source>Default: {port}</source>
        <translation>Standard: {port}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="275"/>
        <source>SQLite database file</source>
        <translation>SQLite-databasfil</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="281"/>
        <source>CA certificate (PEM)</source>
        <translation>CA-certifikat (PEM)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="334"/>
        <source>portal</source>
        <translation>portal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="334"/>
        <source>case store</source>
        <translation>ärendelager</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="386"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="391"/>
        <source>Connected to {where}.</source>
        <translation>Ansluten till {where}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="393"/>
        <source>Server version {version}.</source>
        <translation>Serverversion {version}.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="425"/>
        <source>Saved profile {name}; its password is in the system keyring.</source>
        <translation>Profilen {name} sparades; lösenordet finns i systemets nyckelring.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="428"/>
        <source>Saved profile {name} WITHOUT its password: there is no secure keyring on this computer, so the app will ask for it each time.</source>
        <translation>Profilen {name} sparades UTAN lösenord: det finns ingen säker nyckelring på den här datorn, så appen frågar efter det varje gång.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="432"/>
        <source>Saved profile {name}.</source>
        <translation>Profilen {name} sparades.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="455"/>
        <source>Deleted profile {name} and forgot its password.</source>
        <translation>Profilen {name} togs bort och dess lösenord glömdes.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="465"/>
        <source>A data map is drafted from a portal profile.</source>
        <translation>En datakarta tas fram från en portalprofil.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="467"/>
        <source>Save the data map draft</source>
        <translation>Spara utkastet till datakarta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="471"/>
        <source>Data maps (*.yaml *.yml)</source>
        <translation>Datakartor (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="484"/>
        <source>Drafting a data map of the portal…</source>
        <translation>Tar fram ett utkast till datakarta för portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="497"/>
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
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="357"/>
        <source>{count} extract(s) already since {start}: {cases}. This one is beyond the free allowance.</source>
        <translation>{count} utdrag redan sedan {start}: {cases}. Detta går utöver det kostnadsfria utdraget.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="368"/>
        <source>kronor, e.g. 150</source>
        <translation>kronor, t.ex. 150</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="372"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="373"/>
        <source>Fee (SEK)</source>
        <translation>Avgift (kr)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="374"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>DraftReviewDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/draft_review.py" line="30"/>
        <source>Data map draft</source>
        <translation>Utkast till datakarta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/draft_review.py" line="32"/>
        <source>Wrote {path} ({tables} tables). To review: {count}. Confirm each item in the file and remove its &apos;review: true&apos;.</source>
        <translation>Sparade {path} ({tables} tabeller). Att granska: {count}. Bekräfta varje punkt i filen och ta bort dess &apos;review: true&apos;.</translation>
    </message>
</context>
<context>
    <name>ErasurePanel</name>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="186"/>
        <source>Erasure plan</source>
        <extracomment>Request types the panel works on, and which part of it they use. (category, table) of a plan tree item; category alone on a category item.</extracomment>
        <translation>Raderingsplan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="190"/>
        <source>Category / table</source>
        <translation>Kategori / tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="190"/>
        <source>Erase (rows)</source>
        <translation>Radera (rader)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="191"/>
        <source>Anonymise / pseudonymise</source>
        <translation>Anonymisera / pseudonymisera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="191"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="202"/>
        <source>Retain</source>
        <translation>Behåll</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="192"/>
        <source>Law and hold end</source>
        <translation>Lag och när lagringen upphör</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="203"/>
        <source>Erase</source>
        <translation>Radera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="207"/>
        <source>Why? (required, e.g. needed for a dispute, art. 17(3)(e))</source>
        <translation>Varför? (krävs, t.ex. behövs för en tvist, art. 17.3 e)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="209"/>
        <source>Change decision</source>
        <translation>Ändra beslut</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="218"/>
        <source>New plan</source>
        <translation>Ny plan</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="221"/>
        <source>Collect the person&apos;s data again and replace the current plan</source>
        <translation>Hämta personens uppgifter på nytt och ersätt den nuvarande planen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="223"/>
        <source>Dry run</source>
        <translation>Provkörning</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="226"/>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="229"/>
        <source>Execute</source>
        <translation>Genomför</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="246"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="290"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="569"/>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="246"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="291"/>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="246"/>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="246"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="292"/>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="247"/>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="293"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="247"/>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="267"/>
        <source>Rectify a field (art. 16)</source>
        <translation>Rätta ett fält (art. 16)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="284"/>
        <source>What did the person ask to correct, and how was it checked?</source>
        <translation>Vad bad personen att få rättat, och hur kontrollerades det?</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="286"/>
        <source>Rectify</source>
        <translation>Rätta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="294"/>
        <source>New value</source>
        <translation>Nytt värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="295"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="306"/>
        <source>Withdraw consent (art. 7(3), 21)</source>
        <translation>Återkalla samtycke (art. 7.3, 21)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="308"/>
        <source>Ends newsletter subscriptions and clears contact choices through the data map, in one transaction; no approval is needed, since it carries out the person&apos;s own decision.</source>
        <translation>Avslutar nyhetsbrevsprenumerationer och rensar kontaktval enligt datakartan, i en transaktion; inget godkännande behövs, eftersom det verkställer personens eget beslut.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="312"/>
        <source>Withdraw consent</source>
        <translation>Återkalla samtycke</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="321"/>
        <source>Confirmation letter</source>
        <translation>Bekräftelsebrev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="324"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="325"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="328"/>
        <source>Write letter</source>
        <translation>Skriv brev</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="332"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="369"/>
        <source>Looking the case and its person up…</source>
        <translation>Slår upp ärendet och dess person…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="399"/>
        <source>Nobody in the portal matches the identifiers of this request.</source>
        <translation>Ingen i portalen matchar identifierarna i denna begäran.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="408"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="424"/>
        <source>Making the erasure plan…</source>
        <translation>Gör raderingsplanen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="429"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="434"/>
        <source>Case {case}: the person is found. Withdraw their consent when ready.</source>
        <translation>Ärende {case}: personen är hittad. Återkalla samtycket när du är redo.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="467"/>
        <source>Retained by decision: {reason} ({who})</source>
        <translation>Behålls genom beslut: {reason} ({who})</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="472"/>
        <source>{rows} rows, {fields} fields</source>
        <translation>{rows} rader, {fields} fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="475"/>
        <source>({n} pseudonymised)</source>
        <translation>({n} pseudonymiserade)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="482"/>
        <source>{law}; may be erased from {ends}</source>
        <translation>{law}; får raderas från {ends}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="490"/>
        <source>Each row is held until its own date: {dates}</source>
        <translation>Varje rad sparas till sitt eget datum: {dates}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="508"/>
        <source>Four-eyes approval is not enforced on this embedded SQLite case store: officer names are not tied to database logins, so anyone with the file could approve under another name. Use a PostgreSQL or MariaDB case store with one login per officer to enforce it.</source>
        <translation>Fyraögonsgodkännande upprätthålls inte i detta inbyggda SQLite-ärendelager: handläggarnas namn är inte knutna till databasinloggningar, så den som har filen kan godkänna i någon annans namn. Använd ett ärendelager i PostgreSQL eller MariaDB med en inloggning per handläggare för att upprätthålla det.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="514"/>
        <source>Author and approver used the same database login, so the store cannot prove two people took part: four-eyes is not enforced for this approval.</source>
        <translation>Upphovsperson och godkännare använde samma databasinloggning, så lagret kan inte visa att två personer deltog: fyraögonsprincipen upprätthålls inte för detta godkännande.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="519"/>
        <source>whole row</source>
        <translation>hela raden</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="519"/>
        <source>emptied</source>
        <translation>tömt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="520"/>
        <source>replaced</source>
        <translation>ersatt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="521"/>
        <source>pseudonymised (keyed hash)</source>
        <translation>pseudonymiserat (nyckelhash)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="522"/>
        <source>kept</source>
        <translation>behållet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="581"/>
        <source>{n} row(s) of {table}, may be erased from {ends} ({law})</source>
        <translation>{n} rad(er) i {table}, får raderas från {ends} ({law})</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="525"/>
        <source>draft: not approved</source>
        <translation>utkast: inte godkänd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="525"/>
        <source>approved</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="526"/>
        <source>executed</source>
        <translation>genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="526"/>
        <source>not executed</source>
        <translation>inte genomförd</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="527"/>
        <source>being executed</source>
        <translation>genomförs</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="527"/>
        <source>superseded</source>
        <translation>ersatt</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="528"/>
        <source>Plan {id} by {author}: {state}</source>
        <translation>Plan {id} av {author}: {state}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="531"/>
        <source>approved by {who}</source>
        <translation>godkänd av {who}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="535"/>
        <source>Case {case}: {deleted} row(s) to delete, {updated} to anonymise, {held} kept under a legal hold.</source>
        <translation>Ärende {case}: {deleted} rad(er) att radera, {updated} att anonymisera, {held} behålls enligt lag.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="548"/>
        <source>You made or changed this plan, so another approver must approve it.</source>
        <translation>Du har gjort eller ändrat planen, så en annan godkännare måste godkänna den.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="551"/>
        <source>You are not an approver: an approver must approve this plan.</source>
        <translation>Du är inte godkännare: en godkännare måste godkänna planen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="559"/>
        <source>Not executed: {note}</source>
        <translation>Inte genomförd: {note}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="563"/>
        <source>&lt;b&gt;Executed&lt;/b&gt; by {who} on {day}; verification: {check}</source>
        <translation>&lt;b&gt;Genomförd&lt;/b&gt; av {who} {day}; kontroll: {check}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="565"/>
        <source>only the retained data remains</source>
        <translation>bara de behållna uppgifterna finns kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="566"/>
        <source>problems found: {note}</source>
        <translation>problem hittades: {note}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="569"/>
        <source>Deleted</source>
        <translation>Raderade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="569"/>
        <source>Anonymised</source>
        <translation>Anonymiserade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="570"/>
        <source>Retained</source>
        <translation>Behållna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="578"/>
        <source>Kept under a legal hold</source>
        <translation>Behålls enligt lag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="603"/>
        <source>Looking the person up in the portal…</source>
        <translation>Slår upp personen i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="630"/>
        <source>Working out exactly what would change…</source>
        <translation>Räknar ut exakt vad som skulle ändras…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="636"/>
        <source>delete row</source>
        <translation>radera rad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="636"/>
        <source>change field</source>
        <translation>ändra fält</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="637"/>
        <source>keep</source>
        <translation>behåll</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="647"/>
        <source>Dry run: {n} row(s) or field(s) would change; nothing was changed.</source>
        <translation>Provkörning: {n} rad(er) eller fält skulle ändras; inget ändrades.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="669"/>
        <source>Executing the plan in one portal transaction…</source>
        <translation>Genomför planen i en transaktion i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="683"/>
        <source>Withdrawing consent in one portal transaction…</source>
        <translation>Återkallar samtycket i en transaktion i portalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="702"/>
        <source>Case {case}: {rows} rows in {tables} tables. Choose the field to correct.</source>
        <translation>Ärende {case}: {rows} rader i {tables} tabeller. Välj fältet som ska rättas.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="755"/>
        <source>{table}.{column} corrected. Tell these recipients (art. 19): {tell}</source>
        <translation>{table}.{column} rättat. Informera dessa mottagare (art. 19): {tell}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="326"/>
        <source>Folder for the letter</source>
        <translation>Mapp för brevet</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="775"/>
        <source>Writing the confirmation letter…</source>
        <translation>Skriver bekräftelsebrevet…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/erasure_panel.py" line="778"/>
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
        <location filename="../../privacy_desk/ui/main_window.py" line="194"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="158"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="211"/>
        <source>Queue</source>
        <extracomment>Emitted with the number of cases once the queue has been loaded. Emitted with a message when connecting or loading failed.</extracomment>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="159"/>
        <source>Extract</source>
        <translation>Registerutdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="160"/>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="165"/>
        <source>Holds that have ended</source>
        <translation>Utgångna bevarandekrav</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="166"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="199"/>
        <source>Find a person</source>
        <translation>Sök person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="175"/>
        <source>Portal: connecting…</source>
        <translation>Portal: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="177"/>
        <source>Case store: connecting…</source>
        <translation>Ärendelager: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="204"/>
        <source>Filter the queue</source>
        <translation>Filtrera kön</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="220"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="259"/>
        <source>Connecting to the portal and case store…</source>
        <translation>Ansluter till portalen och ärendelagret…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="271"/>
        <source>Loading the queue…</source>
        <translation>Läser in kön…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="308"/>
        <source>Import failed: {message}</source>
        <translation>Hämtningen misslyckades: {message}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="314"/>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="316"/>
        <source>Connections…</source>
        <translation>Anslutningar…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="323"/>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="330"/>
        <source>&amp;Case</source>
        <translation>Ä&amp;rende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="341"/>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="362"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="364"/>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="368"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="371"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="409"/>
        <source>About Privacy Desk</source>
        <translation>Om Privacy Desk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="441"/>
        <source>Audit trail</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="454"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="455"/>
        <source>Portal: {url}</source>
        <translation>Portal: {url}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="456"/>
        <source>Case store: {url}</source>
        <translation>Ärendelager: {url}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="489"/>
        <source>Queue loaded: {count} case(s).</source>
        <translation>Kön hämtad: {count} ärenden.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="300"/>
        <location filename="../../privacy_desk/ui/main_window.py" line="486"/>
        <source>{new} new request(s) imported from the portal.</source>
        <translation>{new} nya begäranden hämtade från portalen.</translation>
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
    <name>PasswordPrompt</name>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="556"/>
        <source>Database password</source>
        <translation>Databaslösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/connection_dialog.py" line="558"/>
        <source>Password for {user} on {host} (profile {name}).
It is not saved: there is no password in the keyring for this profile.</source>
        <translation>Lösenord för {user} på {host} (profil {name}).
Det sparas inte: det finns inget lösenord i nyckelringen för den här profilen.</translation>
    </message>
</context>
<context>
    <name>PersonSearchPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="206"/>
        <source>Personnummer, org.nr, e-mail, phone, customer or invoice number</source>
        <translation>Personnummer, org.nr, e-post, telefon, kund- eller fakturanummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="93"/>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="79"/>
        <source>Identifier</source>
        <extracomment>The person&apos;s cases are listed (their count). The officer opens one of the person&apos;s cases (its id) in the queue. &quot;New case for the person&quot;: a NewCasePrefill for the register dialog.</extracomment>
        <translation>Identitetsuppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="80"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="87"/>
        <source>Postcode (optional)</source>
        <translation>Postnummer (valfritt)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="110"/>
        <source>Data</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="110"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="136"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="136"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="136"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="136"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="146"/>
        <source>Enter or double-click opens the case in the queue</source>
        <translation>Retur eller dubbelklick öppnar ärendet i kön</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="147"/>
        <source>New case for the person…</source>
        <translation>Nytt ärende för personen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="150"/>
        <source>Register a request from this person, filled in from the portal</source>
        <translation>Registrera en begäran från personen, ifylld från kundportalen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="171"/>
        <source>Their cases: loading…</source>
        <translation>Personens ärenden: hämtas…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="185"/>
        <source>Their cases: {n}</source>
        <translation>Personens ärenden: {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="186"/>
        <source>Their cases: none yet</source>
        <translation>Personens ärenden: inga ännu</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="205"/>
        <source>First and last name</source>
        <translation>För- och efternamn</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="225"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="235"/>
        <source>Nobody in the portal matches that name.</source>
        <translation>Ingen i portalen har det namnet.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="237"/>
        <source>Nobody in the portal matches that identifier.</source>
        <translation>Ingen i portalen matchar den uppgiften.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="244"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="247"/>
        <source>More match than are listed: add a postcode.</source>
        <translation>Fler träffar än som visas: lägg till ett postnummer.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="274"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="311"/>
        <source>Row {n}</source>
        <translation>Rad {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="317"/>
        <source>withheld (data map)</source>
        <translation>undantagen (datakartan)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="323"/>
        <source>{label}: {rows} rows in {tables} tables.</source>
        <translation>{label}: {rows} rader i {tables} tabeller.</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="82"/>
        <source>Data</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="82"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="89"/>
        <source>Why is this withheld? (e.g. another person&apos;s data, art. 15(4))</source>
        <translation>Varför undantas detta? (t.ex. en annan persons uppgifter, art. 15.4)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="91"/>
        <source>Withhold</source>
        <translation>Undanta</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="94"/>
        <source>Disclose again</source>
        <translation>Lämna ut igen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="100"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="101"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="105"/>
        <source>optional, for sending by e-mail</source>
        <translation>valfritt, för att skicka med e-post</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="108"/>
        <source>Export extract</source>
        <translation>Exportera registerutdrag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="117"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="118"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="119"/>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="148"/>
        <source>Looking the person up in the portal…</source>
        <translation>Söker personen i kundportalen…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="156"/>
        <source>Nobody in the portal matches the identifiers of this request.</source>
        <translation>Ingen i kundportalen matchar identifierarna i denna begäran.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="163"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="177"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="202"/>
        <source>Row {n}</source>
        <translation>Rad {n}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="207"/>
        <source>withheld (data map)</source>
        <translation>undantagen (datakartan)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="223"/>
        <source>Case {case}: {rows} rows in {tables} tables; {withheld} withheld.</source>
        <translation>Ärende {case}: {rows} rader i {tables} tabeller; {withheld} undantagna.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="271"/>
        <source>Withheld: {reason}</source>
        <translation>Undantagen: {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="106"/>
        <source>Folder for the extract</source>
        <translation>Mapp för registerutdraget</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="275"/>
        <source>withheld – {reason}</source>
        <translation>undantagen – {reason}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="323"/>
        <source>Writing the extract…</source>
        <translation>Skriver registerutdraget…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/preview.py" line="334"/>
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
        <location filename="../../privacy_desk/ui/queue_model.py" line="97"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="98"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="99"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="100"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="101"/>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="102"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="103"/>
        <source>To do</source>
        <translation>Att göra</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="104"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="105"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
    </message>
</context>
<context>
    <name>QueueTab</name>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="177"/>
        <source>Filter by case number or person…</source>
        <extracomment>The views in the order of their tabs (and of Ctrl+1 … Ctrl+7 in the View menu). The case the officer is looking at changed: a :class:`CaseView`, or None. Emitted with the case id once its details are shown. The &quot;open · due within 7 days · overdue&quot; line for the status bar. The officer picked another view of the queue (a QueueView value).</extracomment>
        <translation>Filtrera på ärendenummer eller person…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="183"/>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="184"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="191"/>
        <source>All types</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="198"/>
        <source>Anyone</source>
        <translation>Alla handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="199"/>
        <source>Unassigned</source>
        <translation>Ej tilldelade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="202"/>
        <source>Overdue only</source>
        <translation>Endast försenade</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_tab.py" line="317"/>
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
    <name>StatusDialog</name>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="399"/>
        <source>Change status – {case}</source>
        <translation>Ändra status – {case}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="421"/>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="422"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/case_dialogs.py" line="432"/>
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
        <location filename="../../privacy_desk/ui/labels.py" line="76"/>
        <source>Imported from the portal</source>
        <translation>Hämtad från portalen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="77"/>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="78"/>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="79"/>
        <source>Assigned</source>
        <translation>Tilldelad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="80"/>
        <source>Claimed</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="81"/>
        <source>Released</source>
        <translation>Lämnad ifrån</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="82"/>
        <source>Identity verified</source>
        <translation>Identitet verifierad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="83"/>
        <source>Scan attached</source>
        <translation>Skanning bifogad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="84"/>
        <source>Allowance decision</source>
        <translation>Beslut om utdrag</translation>
    </message>
</context>
</TS>
