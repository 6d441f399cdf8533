<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="268"/>
        <source>(extended)</source>
        <translation>(förlängd)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="270"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="271"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="272"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="273"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="274"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="275"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="276"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="278"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="279"/>
        <source>(nobody)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="282"/>
        <source>Events</source>
        <translation>Händelser</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="62"/>
        <source>Something unexpected went wrong ({name}).</source>
        <translation>Något oväntat gick fel ({name}).</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="65"/>
        <source>Nothing was changed. The details are in the log file.</source>
        <translation>Inget ändrades. Detaljerna finns i loggfilen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="100"/>
        <source>Filter by case number or person…</source>
        <extracomment>Emitted with the number of cases once the queue has been loaded. Emitted with a message when connecting or loading failed.</extracomment>
        <translation>Filtrera på ärendenummer eller person…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="134"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="139"/>
        <source>Filter</source>
        <translation>Filtrera</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="142"/>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="149"/>
        <source>Portal: connecting…</source>
        <translation>Portal: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="151"/>
        <source>Case store: connecting…</source>
        <translation>Ärendelager: ansluter…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="163"/>
        <source>Connecting to the portal and case store…</source>
        <translation>Ansluter till portalen och ärendelagret…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="172"/>
        <source>Loading the queue…</source>
        <translation>Läser in kön…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="179"/>
        <source> (demo)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="180"/>
        <source>Portal: {url}</source>
        <translation>Portal: {url}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="181"/>
        <source>Case store: {url}</source>
        <translation>Ärendelager: {url}</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="190"/>
        <source>{new} new request(s) imported from the portal.</source>
        <translation>{new} nya begäranden hämtade från portalen.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/main_window.py" line="216"/>
        <source>Open: {open} · Due within 7 days: {week} · Overdue: {late}</source>
        <translation>Öppna: {open} · Förfaller inom 7 dagar: {week} · Försenade: {late}</translation>
    </message>
</context>
<context>
    <name>PersonSearchPanel</name>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="64"/>
        <source>Personnummer, org.nr, e-mail, phone, customer or invoice number</source>
        <translation>Personnummer, org.nr, e-post, telefon, kund- eller fakturanummer</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="66"/>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="79"/>
        <source>Data</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="79"/>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="105"/>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="113"/>
        <source>Nobody in the portal matches that identifier.</source>
        <translation>Ingen i portalen matchar den uppgiften.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="121"/>
        <source>{n} people match. Choose one; their data is never merged.</source>
        <translation>{n} personer matchar. Välj en; deras uppgifter slås aldrig ihop.</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="135"/>
        <source>{label} (not a customer: {n} rows)</source>
        <translation>{label} (inte kund: {n} rader)</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="148"/>
        <source>Loading what the portal holds…</source>
        <translation>Hämtar det portalen har…</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/person_search.py" line="179"/>
        <source>{label}: {rows} rows in {tables} tables.</source>
        <translation>{label}: {rows} rader i {tables} tabeller.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="56"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="57"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="58"/>
        <source>Received</source>
        <translation>Inkommen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="59"/>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="60"/>
        <source>Days left</source>
        <translation>Dagar kvar</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="61"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="62"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/queue_model.py" line="63"/>
        <source>Assignee</source>
        <translation>Handläggare</translation>
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
        <location filename="../../privacy_desk/ui/labels.py" line="74"/>
        <source>Imported from the portal</source>
        <translation>Hämtad från portalen</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="75"/>
        <source>Registered</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <location filename="../../privacy_desk/ui/labels.py" line="76"/>
        <source>Status changed</source>
        <translation>Status ändrad</translation>
    </message>
</context>
</TS>
