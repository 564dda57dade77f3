<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Access</name>
    <message>
        <source>the account owner</source>
        <translation>die Kontoinhaberin oder den Kontoinhaber</translation>
    </message>
    <message>
        <source>You don&apos;t have access to API keys. Ask %1 to grant settings access.</source>
        <translation>Sie haben keinen Zugriff auf API-Schlüssel. Bitten Sie %1, Ihnen Zugriff auf die Einstellungen zu geben.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to the team settings. Ask %1 to grant settings access.</source>
        <translation>Sie haben keinen Zugriff auf die Team-Einstellungen. Bitten Sie %1, Ihnen Zugriff auf die Einstellungen zu geben.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to customers. Ask %1 to grant access.</source>
        <translation>Sie haben keinen Zugriff auf Kunden. Bitten Sie %1, Ihnen Zugriff zu geben.</translation>
    </message>
    <message>
        <source>Only the account owner can change permissions.</source>
        <translation>Nur der Kontoinhaber kann Berechtigungen ändern.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to Agent Analytics. Ask %1 to grant Agent Analytics access.</source>
        <translation>Sie haben keinen Zugriff auf Agent Analytics. Bitten Sie %1, Ihnen Zugriff auf Agent Analytics zu geben.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to the audit log. Ask %1 to grant settings access.</source>
        <translation>Sie haben keinen Zugriff auf das Prüfprotokoll. Bitten Sie %1, Ihnen Zugriff auf die Einstellungen zu geben.</translation>
    </message>
</context>
<context>
    <name>ApiExamples</name>
    <message>
        <source>Your key</source>
        <translation>Ihr Schlüssel</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Automations</source>
        <translation>Automationen</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analysen</translation>
    </message>
    <message>
        <source>Credits and billing</source>
        <translation>Guthaben und Abrechnung</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>AI automation (MCP)</source>
        <translation>KI-Automation (MCP)</translation>
    </message>
    <message>
        <source>Python (requests)</source>
        <translation>Python (requests)</translation>
    </message>
    <message>
        <source>JavaScript (fetch)</source>
        <translation>JavaScript (fetch)</translation>
    </message>
    <message>
        <source>n8n HTTP Request</source>
        <translation>n8n HTTP Request</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Own customer only</source>
        <translation>Nur eigener Kunde</translation>
    </message>
    <message>
        <source>Read tools only</source>
        <translation>Nur lesende Werkzeuge</translation>
    </message>
    <message>
        <source>HTTP Request node: GET %1, header X-API-Key.
Options → Response → turn on &quot;Include Response Headers and Status&quot;.
The key&apos;s end is then {{ $json.headers.sunset }} (n8n writes header names in lower case).
Add an IF node &quot;{{ $json.headers.sunset }} is not empty&quot; that notifies you, so the key is rotated before it stops working.</source>
        <translation>Knoten „HTTP Request“: GET %1, Header X-API-Key.
Options → Response → „Include Response Headers and Status“ einschalten.
Das Ende des Schlüssels steht dann in {{ $json.headers.sunset }} (n8n schreibt Header-Namen klein).
Fügen Sie einen IF-Knoten „{{ $json.headers.sunset }} is not empty“ hinzu, der Sie benachrichtigt, damit der Schlüssel rotiert wird, bevor er nicht mehr funktioniert.</translation>
    </message>
</context>
<context>
    <name>AttentionText</name>
    <message>
        <source>Partner key that made only GET calls in 30 days: a Read-Only key would do</source>
        <translation>Partner-Schlüssel, der in 30 Tagen nur GET-Aufrufe gemacht hat: Ein Nur-lesen-Schlüssel würde reichen</translation>
    </message>
    <message>
        <source>Not used for 90 days: revoke it if nothing needs it</source>
        <translation>Seit 90 Tagen nicht genutzt: Widerrufen Sie ihn, wenn ihn nichts mehr braucht</translation>
    </message>
    <message>
        <source>Older than 90 days: rotate it</source>
        <translation>Älter als 90 Tage: Rotieren Sie ihn</translation>
    </message>
    <message>
        <source>Never expires: rotate it to a key with an expiry date</source>
        <translation>Läuft nie ab: Rotieren Sie ihn zu einem Schlüssel mit Ablaufdatum</translation>
    </message>
    <message>
        <source>Error rate jumped in the last 24 hours: show its usage</source>
        <translation>Fehlerquote in den letzten 24 Stunden sprunghaft gestiegen: Nutzung ansehen</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (nur lesen)</translation>
    </message>
</context>
<context>
    <name>Cache</name>
    <message>
        <source>Cannot create the folder for the local copy of your data (%1).</source>
        <translation>Der Ordner für die lokale Kopie Ihrer Daten kann nicht angelegt werden (%1).</translation>
    </message>
    <message>
        <source>The local copy of your data was written by a newer version of the portal, so this version will not touch it. It works from the gateway only; update the portal to use the local copy again.</source>
        <translation>Die lokale Kopie Ihrer Daten stammt von einer neueren Version des Portals, deshalb rührt diese Version sie nicht an. Es arbeitet nur mit dem Gateway; aktualisieren Sie das Portal, um die lokale Kopie wieder zu nutzen.</translation>
    </message>
    <message>
        <source>The local copy of your data (%1) is damaged and cannot be moved aside.</source>
        <translation>Die lokale Kopie Ihrer Daten (%1) ist beschädigt und kann nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>The local copy of your data was damaged. It was set aside (%1) and is being rebuilt from the gateway; nothing the gateway has is lost.</source>
        <translation>Die lokale Kopie Ihrer Daten war beschädigt. Sie wurde beiseitegelegt (%1) und wird aus dem Gateway neu aufgebaut; nichts, was das Gateway hat, geht verloren.</translation>
    </message>
    <message>
        <source>Cannot open the local copy of your data: %1</source>
        <translation>Die lokale Kopie Ihrer Daten kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot open the local copy of your data in write-ahead mode.</source>
        <translation>Die lokale Kopie Ihrer Daten kann nicht im Write-Ahead-Modus geöffnet werden.</translation>
    </message>
    <message>
        <source>The local copy of your data was written by a newer version of the portal.</source>
        <translation>Die lokale Kopie Ihrer Daten stammt von einer neueren Version des Portals.</translation>
    </message>
    <message>
        <source>Cannot update the local copy of your data: %1</source>
        <translation>Die lokale Kopie Ihrer Daten kann nicht aktualisiert werden: %1</translation>
    </message>
</context>
<context>
    <name>ErrorExplanations</name>
    <message numerus="yes">
        <source>%n per minute</source>
        <translation>
            <numerusform>%n pro Minute</numerusform>
            <numerusform>%n pro Minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n per hour</source>
        <translation>
            <numerusform>%n pro Stunde</numerusform>
            <numerusform>%n pro Stunde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n per second</source>
        <translation>
            <numerusform>%n pro Sekunde</numerusform>
            <numerusform>%n pro Sekunde</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per %2 seconds</source>
        <translation>%1 pro %2 Sekunden</translation>
    </message>
    <message>
        <source>A call</source>
        <translation>Ein Aufruf</translation>
    </message>
    <message>
        <source>The call carried no API key.</source>
        <translation>Der Aufruf enthielt keinen API-Schlüssel.</translation>
    </message>
    <message>
        <source>Send the key in the X-API-Key header.</source>
        <translation>Senden Sie den Schlüssel im Header X-API-Key.</translation>
    </message>
    <message>
        <source>This key was revoked, so the gateway refuses every call made with it.</source>
        <translation>Dieser Schlüssel wurde widerrufen, deshalb lehnt das Gateway jeden Aufruf damit ab.</translation>
    </message>
    <message>
        <source>Give the integration the secret of an active key (rotate or create one).</source>
        <translation>Geben Sie der Integration das Geheimnis eines aktiven Schlüssels (rotieren oder erstellen Sie einen).</translation>
    </message>
    <message>
        <source>This key expired on %1, so the gateway refuses every call made with it.</source>
        <translation>Dieser Schlüssel ist am %1 abgelaufen, deshalb lehnt das Gateway jeden Aufruf damit ab.</translation>
    </message>
    <message>
        <source>The gateway did not accept the key sent.</source>
        <translation>Das Gateway hat den gesendeten Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <source>Check that the integration sends the whole secret, without spaces.</source>
        <translation>Prüfen Sie, ob die Integration das ganze Geheimnis ohne Leerzeichen sendet.</translation>
    </message>
    <message>
        <source>A %1 key tried %2, which its type does not allow.</source>
        <translation>Ein %1-Schlüssel hat %2 versucht; sein Typ erlaubt das nicht.</translation>
    </message>
    <message>
        <source>A key tried a call its type does not allow (e.g. a Read-Only key writing).</source>
        <translation>Ein Schlüssel hat einen Aufruf versucht, den sein Typ nicht erlaubt (z. B. ein Nur-Lesen-Schlüssel, der schreibt).</translation>
    </message>
    <message>
        <source>Use a Partner key (or a Customer key for one customer&apos;s data) for calls that change data.</source>
        <translation>Verwenden Sie für Aufrufe, die Daten ändern, einen Partner-Schlüssel (oder einen Kundenschlüssel für die Daten eines Kunden).</translation>
    </message>
    <message>
        <source>Use a key whose type allows this call; the API Reference lists what each type may do.</source>
        <translation>Verwenden Sie einen Schlüssel, dessen Typ diesen Aufruf erlaubt; die API-Referenz zeigt, was jeder Typ darf.</translation>
    </message>
    <message>
        <source>The key&apos;s limit is %1 and the caller went over it.</source>
        <translation>Das Limit des Schlüssels ist %1, und der Aufrufer hat es überschritten.</translation>
    </message>
    <message>
        <source>The key went over its rate limit.</source>
        <translation>Der Schlüssel hat sein Ratenlimit überschritten.</translation>
    </message>
    <message>
        <source>Raise the key&apos;s rate limit, or make the integration wait for the Retry-After seconds.</source>
        <translation>Erhöhen Sie das Ratenlimit des Schlüssels, oder lassen Sie die Integration die Retry-After-Sekunden abwarten.</translation>
    </message>
    <message>
        <source>The gateway has no route at the address called.</source>
        <translation>Unter der aufgerufenen Adresse hat das Gateway keine Route.</translation>
    </message>
    <message>
        <source>%1 named something that does not exist, or that this key cannot reach.</source>
        <translation>%1 nannte etwas, das es nicht gibt oder das dieser Schlüssel nicht erreicht.</translation>
    </message>
    <message>
        <source>A Customer key reaches only its own customer; check the id, or use a Partner key.</source>
        <translation>Ein Kundenschlüssel erreicht nur seinen eigenen Kunden; prüfen Sie die ID, oder verwenden Sie einen Partner-Schlüssel.</translation>
    </message>
    <message>
        <source>Check the id or the address against the API Reference.</source>
        <translation>Prüfen Sie die ID oder die Adresse anhand der API-Referenz.</translation>
    </message>
    <message>
        <source>The route exists but does not accept the method used.</source>
        <translation>Die Route gibt es, aber sie nimmt die verwendete Methode nicht an.</translation>
    </message>
    <message>
        <source>Use the method the API Reference gives for this route.</source>
        <translation>Verwenden Sie die Methode, die die API-Referenz für diese Route angibt.</translation>
    </message>
    <message>
        <source>The request body was not a JSON object.</source>
        <translation>Der Inhalt der Anfrage war kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>Send a JSON object with Content-Type: application/json.</source>
        <translation>Senden Sie ein JSON-Objekt mit Content-Type: application/json.</translation>
    </message>
    <message>
        <source>%1 was refused because a value in it is missing or out of range.</source>
        <translation>%1 wurde abgelehnt, weil ein Wert darin fehlt oder außerhalb des erlaubten Bereichs liegt.</translation>
    </message>
    <message>
        <source>The answer&apos;s error field names the value; correct it as the API Reference says.</source>
        <translation>Das Feld „field“ der Fehlerantwort nennt den Wert; korrigieren Sie ihn, wie es die API-Referenz beschreibt.</translation>
    </message>
    <message>
        <source>The customer does not have enough credits for this call.</source>
        <translation>Der Kunde hat nicht genug Guthaben für diesen Aufruf.</translation>
    </message>
    <message>
        <source>Grant the customer credits first, or spend less.</source>
        <translation>Schreiben Sie dem Kunden zuerst Guthaben gut, oder verbrauchen Sie weniger.</translation>
    </message>
    <message>
        <source>The MCP client asked for a protocol version the gateway does not speak.</source>
        <translation>Der MCP-Client hat eine Protokollversion verlangt, die das Gateway nicht spricht.</translation>
    </message>
    <message>
        <source>Update the MCP client, or configure it for a supported version.</source>
        <translation>Aktualisieren Sie den MCP-Client, oder stellen Sie eine unterstützte Version ein.</translation>
    </message>
    <message>
        <source>The gateway failed while answering; the call itself may have been fine.</source>
        <translation>Das Gateway ist beim Antworten gescheitert; der Aufruf selbst war womöglich in Ordnung.</translation>
    </message>
    <message>
        <source>Retry later; if it keeps failing, tell your Knotie contact the time of the call.</source>
        <translation>Versuchen Sie es später erneut; scheitert es weiter, nennen Sie Ihrem Knotie-Kontakt die Zeit des Aufrufs.</translation>
    </message>
    <message>
        <source>The gateway refused the call (%1).</source>
        <translation>Das Gateway hat den Aufruf abgelehnt (%1).</translation>
    </message>
    <message>
        <source>The answer&apos;s error message says why; the API Reference lists the fix.</source>
        <translation>Die Fehlermeldung der Antwort sagt, warum; die API-Referenz nennt die Abhilfe.</translation>
    </message>
    <message>
        <source>The call succeeded.</source>
        <translation>Der Aufruf war erfolgreich.</translation>
    </message>
</context>
<context>
    <name>KeyAlerts</name>
    <message>
        <source>Rotation grace ends within the hour</source>
        <translation>Die Übergangsfrist der Rotation endet innerhalb einer Stunde</translation>
    </message>
    <message>
        <source>%1 stops working at %2. Callers still using it must switch to its successor now.</source>
        <translation>%1 funktioniert ab %2 nicht mehr. Aufrufer, die ihn noch verwenden, müssen jetzt zu seinem Nachfolger wechseln.</translation>
    </message>
    <message>
        <source>API key expires within a day</source>
        <translation>API-Schlüssel läuft innerhalb eines Tages ab</translation>
    </message>
    <message>
        <source>%1 expires at %2. Rotate it or change its expiry before its callers fail.</source>
        <translation>%1 läuft am %2 ab. Rotieren Sie ihn oder ändern Sie seinen Ablauf, bevor seine Aufrufer scheitern.</translation>
    </message>
    <message>
        <source>API key expires within 7 days</source>
        <translation>API-Schlüssel läuft innerhalb von 7 Tagen ab</translation>
    </message>
    <message>
        <source>%1 expires at %2.</source>
        <translation>%1 läuft am %2 ab.</translation>
    </message>
    <message>
        <source>Errors on an API key</source>
        <translation>Fehler bei einem API-Schlüssel</translation>
    </message>
    <message>
        <source>%1: %2 of its %3 requests in the last 15 minutes failed.</source>
        <translation>%1: %2 seiner %3 Anfragen der letzten 15 Minuten sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>API key hits its rate limit</source>
        <translation>API-Schlüssel erreicht sein Anfragelimit</translation>
    </message>
    <message>
        <source>%1 was refused for its rate limit in %2 of the last 15 minutes.</source>
        <translation>%1 wurde in %2 der letzten 15 Minuten wegen seines Anfragelimits abgewiesen.</translation>
    </message>
    <message>
        <source>API key near its rate limit</source>
        <translation>API-Schlüssel nahe an seinem Anfragelimit</translation>
    </message>
    <message>
        <source>%1 made %2 requests within one limit window: %3 % of its limit of %4 (you asked to be warned at %5 %).</source>
        <translation>%1 hat %2 Anfragen in einem Limit-Zeitfenster gestellt: %3 % seines Limits von %4 (Sie wollten bei %5 % gewarnt werden).</translation>
    </message>
    <message>
        <source>API key passed its daily warning</source>
        <translation>API-Schlüssel hat seine Tageswarnung überschritten</translation>
    </message>
    <message>
        <source>%1 made %2 requests today (UTC); you asked to be warned at %3.</source>
        <translation>%1 hat heute (UTC) %2 Anfragen gestellt; Sie wollten bei %3 gewarnt werden.</translation>
    </message>
</context>
<context>
    <name>KeyList</name>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>KeyType</name>
    <message>
        <source>Can only fetch data (GET requests); cannot modify any resources.</source>
        <translation>Kann nur Daten abrufen (GET-Anfragen); kann nichts verändern.</translation>
    </message>
    <message>
        <source>Safe for analytics dashboards.</source>
        <translation>Sicher für Analyse-Dashboards.</translation>
    </message>
    <message>
        <source>Limited to webhook endpoints; cannot read or change customers or credits.</source>
        <translation>Nur für Webhook-Endpunkte; kann Kunden und Guthaben weder lesen noch ändern.</translation>
    </message>
    <message>
        <source>For webhook integrations and secure callback authentication.</source>
        <translation>Für Webhook-Integrationen und die sichere Authentifizierung von Rückrufen.</translation>
    </message>
    <message>
        <source>Scoped to one customer&apos;s resources; sees nothing of your other customers.</source>
        <translation>Auf die Ressourcen eines Kunden beschränkt; sieht nichts von Ihren anderen Kunden.</translation>
    </message>
    <message>
        <source>Ideal for customer-facing integrations.</source>
        <translation>Ideal für Integrationen, die Ihre Kunden nutzen.</translation>
    </message>
    <message>
        <source>Full access to every partner-level operation: the highest privilege.</source>
        <translation>Voller Zugriff auf alle Vorgänge auf Partnerebene: die höchste Berechtigung.</translation>
    </message>
    <message>
        <source>For your own internal dashboards and automations.</source>
        <translation>Für Ihre eigenen internen Dashboards und Automatisierungen.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>API Reference</source>
        <translation>API-Referenz</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Your account at a glance: key health, recent key activity and today&apos;s traffic.</source>
        <translation>Ihr Konto auf einen Blick: Zustand der Schlüssel, letzte Schlüsselaktionen und der heutige Verkehr.</translation>
    </message>
    <message>
        <source>Your customers, their Customer keys and their usage.</source>
        <translation>Ihre Kunden, ihre Kundenschlüssel und ihre Nutzung.</translation>
    </message>
    <message>
        <source>Key usage over time: requests, errors, endpoints and the keys that need attention.</source>
        <translation>Schlüsselnutzung im Zeitverlauf: Anfragen, Fehler, Endpunkte und Schlüssel, die Aufmerksamkeit brauchen.</translation>
    </message>
    <message>
        <source>The Platform API with copy/paste examples, and a way to test a key.</source>
        <translation>Die Platform-API mit Beispielen zum Kopieren und eine Möglichkeit, einen Schlüssel zu testen.</translation>
    </message>
    <message>
        <source>Create, rotate and revoke the API keys your tools and automations use.</source>
        <translation>Erstellen, rotieren und widerrufen Sie die API-Schlüssel Ihrer Tools und Automatisierungen.</translation>
    </message>
    <message>
        <source>Who is on your team and which settings they may use.</source>
        <translation>Wer zu Ihrem Team gehört und welche Einstellungen er oder sie verwenden darf.</translation>
    </message>
    <message>
        <source>Agent Analytics</source>
        <translation>Agent Analytics</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Who did what and when: keys, permissions, roles and sign-ins.</source>
        <translation>Wer hat wann was getan: Schlüssel, Berechtigungen, Rollen und Anmeldungen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The gateway at %1 did not answer in time. Check your connection and try again.</source>
        <translation>Das Gateway unter %1 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot reach the gateway at %1: check the address.</source>
        <translation>Das Gateway unter %1 ist nicht erreichbar: Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate is not trusted, so nothing was sent to %1.</source>
        <translation>Dem Zertifikat des Gateways wird nicht vertraut, deshalb wurde nichts an %1 gesendet.</translation>
    </message>
    <message>
        <source>%1 is not encrypted. Use an https:// address for a gateway on another computer.</source>
        <translation>%1 ist nicht verschlüsselt. Verwenden Sie für ein Gateway auf einem anderen Computer eine https://-Adresse.</translation>
    </message>
    <message>
        <source>The gateway address %1 is not valid. Enter an address like https://gateway.example.com.</source>
        <translation>Die Gateway-Adresse %1 ist ungültig. Geben Sie eine Adresse wie https://gateway.example.com ein.</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The gateway refused the request (HTTP %1).</source>
        <translation>Das Gateway hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The gateway at %1 closed the connection before answering. Try again in a moment.</source>
        <translation>Das Gateway unter %1 hat die Verbindung vor der Antwort geschlossen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This needs the gateway at %1, which cannot be reached right now.</source>
        <translation>Dafür wird das Gateway unter %1 gebraucht, das gerade nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>The server at %1 redirected the portal to %2. Redirects are not followed, so your sign-in was not sent there; if you trust that address, enter it instead.</source>
        <translation>Der Server unter %1 hat das Portal zu %2 umgeleitet. Umleitungen werden nicht verfolgt, Ihre Anmeldung wurde also nicht dorthin gesendet; wenn Sie dieser Adresse vertrauen, geben Sie sie stattdessen ein.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer like a Knotie gateway (HTTP %2). Check the address.</source>
        <translation>Der Server unter %1 hat nicht wie ein Knotie-Gateway geantwortet (HTTP %2). Prüfen Sie die Adresse.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins for this email. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen für diese E-Mail-Adresse. Versuchen Sie es in %n Minute erneut.</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen für diese E-Mail-Adresse. Versuchen Sie es in %n Minuten erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>the account owner</source>
        <translation>die Kontoinhaberin oder den Kontoinhaber</translation>
    </message>
    <message>
        <source>You do not have permission for this. Ask %1 to grant access.</source>
        <translation>Dafür fehlt Ihnen die Berechtigung. Bitten Sie %1 um Zugriff.</translation>
    </message>
    <message>
        <source>The gateway at %1 is busy. Try again in a moment.</source>
        <translation>Das Gateway unter %1 ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The gateway at %1 has a problem (HTTP %2). Try again in a moment.</source>
        <translation>Das Gateway unter %1 hat ein Problem (HTTP %2). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 does not answer in https (it may serve plain http), so nothing was sent. Check the address&apos;s scheme and port.</source>
        <translation>%1 antwortet nicht über https (vielleicht nur über einfaches http), daher wurde nichts gesendet. Prüfen Sie Schema und Port der Adresse.</translation>
    </message>
</context>
<context>
    <name>Scopes</name>
    <message>
        <source>Tells which key is calling: its id, type, customer and partner.</source>
        <translation>Sagt, welcher Schlüssel aufruft: seine ID, sein Typ, Kunde und Partner.</translation>
    </message>
    <message>
        <source>Lists customers (a customer key sees only its own).</source>
        <translation>Listet die Kunden auf (ein Kundenschlüssel sieht nur seinen eigenen).</translation>
    </message>
    <message>
        <source>Creates a customer.</source>
        <translation>Legt einen Kunden an.</translation>
    </message>
    <message>
        <source>Reads one customer.</source>
        <translation>Liest einen Kunden.</translation>
    </message>
    <message>
        <source>Renames a customer.</source>
        <translation>Benennt einen Kunden um.</translation>
    </message>
    <message>
        <source>Starts a run of one of a customer&apos;s automations.</source>
        <translation>Startet einen Lauf einer Automation eines Kunden.</translation>
    </message>
    <message>
        <source>Reads daily usage of the partner&apos;s keys.</source>
        <translation>Liest die tägliche Nutzung der Schlüssel des Partners.</translation>
    </message>
    <message>
        <source>Reads the partner&apos;s credit balance.</source>
        <translation>Liest das Guthaben des Partners.</translation>
    </message>
    <message>
        <source>Moves credits from the partner to a customer.</source>
        <translation>Überträgt Guthaben vom Partner auf einen Kunden.</translation>
    </message>
    <message>
        <source>Delivers an event from an outside service.</source>
        <translation>Liefert ein Ereignis eines externen Dienstes.</translation>
    </message>
    <message>
        <source>Lists the webhook events received.</source>
        <translation>Listet die empfangenen Webhook-Ereignisse auf.</translation>
    </message>
    <message>
        <source>Model Context Protocol for AI agents (tools below).</source>
        <translation>Model Context Protocol für KI-Agenten (Werkzeuge siehe unten).</translation>
    </message>
    <message>
        <source>List the customers this key can see.</source>
        <translation>Die Kunden auflisten, die dieser Schlüssel sehen darf.</translation>
    </message>
    <message>
        <source>Read one customer by id.</source>
        <translation>Einen Kunden über seine ID lesen.</translation>
    </message>
    <message>
        <source>Daily API usage of the partner&apos;s keys over a date range.</source>
        <translation>Tägliche API-Nutzung der Schlüssel des Partners in einem Zeitraum.</translation>
    </message>
    <message>
        <source>Read the partner&apos;s credit balance.</source>
        <translation>Das Guthaben des Partners lesen.</translation>
    </message>
    <message>
        <source>Create a customer.</source>
        <translation>Einen Kunden anlegen.</translation>
    </message>
    <message>
        <source>Start a run of one of a customer&apos;s automations.</source>
        <translation>Einen Lauf einer Automation eines Kunden starten.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>TimeAxis</name>
    <message>
        <source>d MMM</source>
        <extracomment>QDateTime format of every chart&apos;s day labels</extracomment>
        <translation>d. MMM</translation>
    </message>
</context>
<context>
    <name>UsageHeadline</name>
    <message>
        <source>the previous 24 hours</source>
        <translation>den vorigen 24 Stunden</translation>
    </message>
    <message>
        <source>the previous %1 days</source>
        <translation>den vorigen %1 Tagen</translation>
    </message>
    <message>
        <source>the previous %1 hours</source>
        <translation>den vorigen %1 Stunden</translation>
    </message>
    <message>
        <source>no comparison: %1 have usage only from %2</source>
        <translation>kein Vergleich: Nutzung in %1 erst ab %2</translation>
    </message>
    <message>
        <source>no data for %1</source>
        <translation>keine Daten in %1</translation>
    </message>
    <message>
        <source>%1 %2 vs %3: %4</source>
        <translation>%1 %2 gegenüber %3: %4</translation>
    </message>
    <message>
        <source>%1 (%2 %3 points vs %4)</source>
        <translation>%1 (%2 %3 Prozentpunkte gegenüber %4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Requests:&lt;/b&gt; %1 (%2)&lt;br&gt;&lt;b&gt;Errors:&lt;/b&gt; %3 client, %4 server&lt;br&gt;&lt;b&gt;Error rate:&lt;/b&gt; %5</source>
        <translation>&lt;b&gt;Anfragen:&lt;/b&gt; %1 (%2)&lt;br&gt;&lt;b&gt;Fehler:&lt;/b&gt; %3 Client, %4 Server&lt;br&gt;&lt;b&gt;Fehlerquote:&lt;/b&gt; %5</translation>
    </message>
    <message>
        <source>Including the keys it replaced (%1) and the keys that replaced it (%2).</source>
        <translation>Einschließlich der Schlüssel, die er ersetzt hat (%1), und der Schlüssel, die ihn ersetzt haben (%2).</translation>
    </message>
    <message>
        <source>Including the keys it replaced: %1.</source>
        <translation>Einschließlich der Schlüssel, die er ersetzt hat: %1.</translation>
    </message>
    <message>
        <source>Including the keys that replaced it: %1.</source>
        <translation>Einschließlich der Schlüssel, die ihn ersetzt haben: %1.</translation>
    </message>
</context>
<context>
    <name>knotie::AccountHeader</name>
    <message>
        <source>Owner</source>
        <translation>Inhaber/in</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Teammitglied</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>knotie::AnalyticsPage</name>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Whose usage</source>
        <translation>Wessen Nutzung</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>First day (UTC)</source>
        <translation>Erster Tag (UTC)</translation>
    </message>
    <message>
        <source>Last day (UTC)</source>
        <translation>Letzter Tag (UTC)</translation>
    </message>
    <message>
        <source>Export the shown usage as CSV</source>
        <translation>Die angezeigte Nutzung als CSV exportieren</translation>
    </message>
    <message>
        <source>Export the chart as PNG</source>
        <translation>Das Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Chart summary</source>
        <translation>Zusammenfassung des Diagramms</translation>
    </message>
    <message>
        <source>Keys that deserve attention</source>
        <translation>Schlüssel, die Aufmerksamkeit verdienen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Totals compared with the range before</source>
        <translation>Summen im Vergleich zum vorigen Zeitraum</translation>
    </message>
    <message>
        <source>Top endpoints</source>
        <translation>Meistgenutzte Endpunkte</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Top keys by requests</source>
        <translation>Schlüssel mit den meisten Anfragen</translation>
    </message>
    <message>
        <source>Top keys by errors</source>
        <translation>Schlüssel mit den meisten Fehlern</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>Customer keys per customer</source>
        <translation>Kundenschlüssel je Kunde</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Whole account</source>
        <translation>Gesamtes Konto</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>%1-Schlüssel</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Loading usage…</source>
        <translation>Nutzung wird geladen…</translation>
    </message>
    <message>
        <source>Checking keys needs access to API keys.</source>
        <translation>Für die Prüfung der Schlüssel ist Zugriff auf API-Schlüssel nötig.</translation>
    </message>
    <message>
        <source>Waiting for the key list…</source>
        <translation>Warte auf die Schlüsselliste…</translation>
    </message>
    <message>
        <source>Checking keys…</source>
        <translation>Schlüssel werden geprüft…</translation>
    </message>
    <message>
        <source>No requests in this range</source>
        <translation>Keine Anfragen in diesem Zeitraum</translation>
    </message>
    <message>
        <source>%1: no requests in this range.</source>
        <translation>%1: keine Anfragen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>%1, %2: %3 requests, %4 errors (%5). Busiest: %6 with %7 requests. Highest p95 latency %8 ms.</source>
        <translation>%1, %2: %3 Anfragen, %4 Fehler (%5). Am meisten los: %6 mit %7 Anfragen. Höchste p95-Latenz %8 ms.</translation>
    </message>
    <message>
        <source>No key needs attention.</source>
        <translation>Kein Schlüssel braucht Aufmerksamkeit.</translation>
    </message>
    <message>
        <source>The gateway did not answer: the chart shows the usage saved on this computer.</source>
        <translation>Das Gateway hat nicht geantwortet: Das Diagramm zeigt die auf diesem Computer gespeicherte Nutzung.</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export usage</source>
        <translation>Nutzung exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Key names need access to API keys, so keys without a saved name show by their id.</source>
        <translation>Schlüsselnamen erfordern Zugriff auf API-Schlüssel, daher erscheinen Schlüssel ohne gespeicherten Namen mit ihrer ID.</translation>
    </message>
    <message>
        <source>Offline since %1: the chart shows the usage saved on this computer.</source>
        <translation>Offline seit %1: Das Diagramm zeigt die auf diesem Computer gespeicherte Nutzung.</translation>
    </message>
    <message>
        <source>The tables beside the chart are from %1, saved on this computer.</source>
        <translation>Die Tabellen neben dem Diagramm sind vom %1 und auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>The tables beside the chart need the gateway: none were saved for this range.</source>
        <translation>Die Tabellen neben dem Diagramm brauchen das Gateway: Für diesen Zeitraum wurden keine gespeichert.</translation>
    </message>
    <message>
        <source>The keys that deserve attention are checked on usage from %1, saved on this computer.</source>
        <translation>Die Schlüssel, die Aufmerksamkeit verdienen, werden anhand der auf diesem Computer gespeicherten Nutzung vom %1 geprüft.</translation>
    </message>
    <message>
        <source>Why keys show by their id</source>
        <translation>Warum Schlüssel mit ihrer ID erscheinen</translation>
    </message>
    <message>
        <source>Error Codes</source>
        <translation>Fehlercodes</translation>
    </message>
</context>
<context>
    <name>knotie::ApiKeysPage</name>
    <message>
        <source>Create API Key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Key actions</source>
        <translation>Schlüsselaktionen</translation>
    </message>
    <message>
        <source>Create your first API key</source>
        <translation>Erstellen Sie Ihren ersten API-Schlüssel</translation>
    </message>
    <message>
        <source>API keys connect Knotie AI Pro to your tools and automations: AI automation over MCP, internal dashboards, onboarding scripts. There are four types; pick the least privileged one that does the job.</source>
        <translation>API-Schlüssel verbinden Knotie AI Pro mit Ihren Werkzeugen und Automatisierungen: KI-Automatisierung über MCP, interne Dashboards, Onboarding-Skripte. Es gibt vier Typen; wählen Sie den mit den geringsten Rechten, der die Aufgabe erfüllt.</translation>
    </message>
    <message>
        <source>Export API Keys</source>
        <translation>API-Schlüssel exportieren</translation>
    </message>
    <message>
        <source>api-keys.csv</source>
        <translation>api-schluessel.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Your keys appear here once the gateway can be reached. The portal keeps trying.</source>
        <translation>Ihre Schlüssel erscheinen hier, sobald das Gateway erreichbar ist. Das Portal versucht es weiter.</translation>
    </message>
    <message>
        <source>Loading your keys…</source>
        <translation>Ihre Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>Creating, rotating and revoking keys need the gateway.</source>
        <translation>Zum Erstellen, Rotieren und Widerrufen von Schlüsseln wird das Gateway benötigt.</translation>
    </message>
    <message>
        <source>This cannot be done to &quot;%1&quot; now (its status: %2).</source>
        <translation>Das ist mit „%1“ jetzt nicht möglich (Status: %2).</translation>
    </message>
</context>
<context>
    <name>knotie::ApiReferencePage</name>
    <message>
        <source>Base URL: &lt;b&gt;%1&lt;/b&gt; — send your key in the &lt;code&gt;X-API-Key&lt;/code&gt; header.</source>
        <translation>Basis-URL: &lt;b&gt;%1&lt;/b&gt; – senden Sie Ihren Schlüssel im Header &lt;code&gt;X-API-Key&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>API Reference sections</source>
        <translation>Bereiche der API-Referenz</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>&amp;Endpunkte</translation>
    </message>
    <message>
        <source>&amp;Test a Key</source>
        <translation>Schlüssel &amp;testen</translation>
    </message>
    <message>
        <source>Test a Key</source>
        <translation>Schlüssel testen</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>Key E&amp;xpiry (Sunset)</source>
        <translation>Schlüssel&amp;ablauf (Sunset)</translation>
    </message>
</context>
<context>
    <name>knotie::AttentionList</name>
    <message>
        <source>Keys that deserve attention</source>
        <translation>Schlüssel, die Aufmerksamkeit verdienen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Double-click or press Enter to show the key&apos;s usage</source>
        <translation>Doppelklicken oder Eingabetaste drücken, um die Nutzung des Schlüssels zu zeigen</translation>
    </message>
    <message>
        <source>Create Read-Only Key…</source>
        <translation>Nur-Lesen-Schlüssel erstellen…</translation>
    </message>
    <message>
        <source>Create a Read-Only key for %1</source>
        <translation>Einen Nur-Lesen-Schlüssel für %1 erstellen</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotieren…</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>%1 rotieren</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
</context>
<context>
    <name>knotie::AuditLogPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>Jeder Tag</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>Schlüssel erstellt</translation>
    </message>
    <message>
        <source>Key renamed or described</source>
        <translation>Schlüssel umbenannt oder beschrieben</translation>
    </message>
    <message>
        <source>Key rotated</source>
        <translation>Schlüssel rotiert</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Key limits changed</source>
        <translation>Schlüssellimits geändert</translation>
    </message>
    <message>
        <source>Key custodian changed</source>
        <translation>Verantwortliche Person des Schlüssels geändert</translation>
    </message>
    <message>
        <source>Permissions changed</source>
        <translation>Berechtigungen geändert</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Mitglied entfernt</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Customer created</source>
        <translation>Kunde erstellt</translation>
    </message>
    <message>
        <source>Customer renamed</source>
        <translation>Kunde umbenannt</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>Ab Tag</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>Bis Tag</translation>
    </message>
    <message>
        <source>Filter by person</source>
        <translation>Nach Person filtern</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Nach Aktion filtern</translation>
    </message>
    <message>
        <source>Filter by key</source>
        <translation>Nach Schlüssel filtern</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>audit-log.csv</source>
        <translation>pruefprotokoll.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Jede Aktion</translation>
    </message>
    <message>
        <source>Any key</source>
        <translation>Jeder Schlüssel</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything the gateway records for your account: keys, permissions, roles, removals, sign-ins and failed sign-ins. New events appear as they happen.</source>
        <translation>Alles, was das Gateway für Ihr Konto aufzeichnet: Schlüssel, Berechtigungen, Rollen, Entfernungen, Anmeldungen und fehlgeschlagene Anmeldungen. Neue Ereignisse erscheinen, sobald sie geschehen.</translation>
    </message>
</context>
<context>
    <name>knotie::AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
</context>
<context>
    <name>knotie::CodeBlock</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>knotie::CommandPalette</name>
    <message>
        <source>settings keys api key create rotate revoke</source>
        <translation>einstellungen schlüssel api-schlüssel erstellen rotieren widerrufen settings keys</translation>
    </message>
    <message>
        <source>settings team members permissions people</source>
        <translation>einstellungen team mitglieder berechtigungen personen settings</translation>
    </message>
    <message>
        <source>docs documentation examples curl python mcp test key connection</source>
        <translation>doku dokumentation beispiele curl python mcp schlüssel testen verbindung</translation>
    </message>
    <message>
        <source>usage charts requests errors</source>
        <translation>nutzung diagramme anfragen fehler</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>klienten kunden</translation>
    </message>
    <message>
        <source>home dashboard</source>
        <translation>start übersicht dashboard</translation>
    </message>
    <message>
        <source>Go to Page or Key</source>
        <translation>Zu Seite oder Schlüssel wechseln</translation>
    </message>
    <message>
        <source>Search pages and keys</source>
        <translation>Seiten und Schlüssel suchen</translation>
    </message>
    <message>
        <source>Matching pages and keys</source>
        <translation>Passende Seiten und Schlüssel</translation>
    </message>
    <message>
        <source>↑↓ to pick, Return to open, Esc to close</source>
        <translation>↑↓ zum Auswählen, Eingabe zum Öffnen, Esc zum Schließen</translation>
    </message>
    <message>
        <source>%1 — not available to you</source>
        <translation>%1 – für Sie nicht verfügbar</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Key details: %1</source>
        <translation>Schlüsseldetails: %1</translation>
    </message>
    <message>
        <source>details</source>
        <translation>details schlüsseldetails</translation>
    </message>
    <message>
        <source>settings audit log history events who sign-ins export</source>
        <translation>einstellungen prüfprotokoll verlauf ereignisse anmeldungen export settings audit log history events</translation>
    </message>
    <message>
        <source>Type a page or key name, or rotate, revoke, create or test a key…</source>
        <translation>Seite oder Schlüssel eingeben, oder einen Schlüssel rotieren, widerrufen, erstellen oder testen…</translation>
    </message>
    <message>
        <source>Create %1 Key…</source>
        <translation>%1-Schlüssel erstellen…</translation>
    </message>
    <message>
        <source>Opens Create API Key with this type chosen.</source>
        <translation>Öffnet „API-Schlüssel erstellen“ mit diesem Typ.</translation>
    </message>
    <message>
        <source>create new key %1 %2</source>
        <translation>erstellen neu schlüssel create new key %1 %2</translation>
    </message>
    <message>
        <source>Test a Key…</source>
        <translation>Schlüssel testen…</translation>
    </message>
    <message>
        <source>Paste a key to see whether it works and what it may do.</source>
        <translation>Fügen Sie einen Schlüssel ein, um zu sehen, ob er funktioniert und was er darf.</translation>
    </message>
    <message>
        <source>test a key check verify secret</source>
        <translation>schlüssel testen prüfen test a key check verify secret</translation>
    </message>
    <message>
        <source>rotate</source>
        <translation>rotieren</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>Rotate %1…</source>
        <translation>%1 rotieren…</translation>
    </message>
    <message>
        <source>Revoke %1…</source>
        <translation>%1 widerrufen…</translation>
    </message>
</context>
<context>
    <name>knotie::ConnectionCheck</name>
    <message>
        <source>Connected: %1 is a Knotie gateway (version %2).</source>
        <translation>Verbunden: %1 ist ein Knotie-Gateway (Version %2).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>There is no computer named %1. Check the spelling of the address.</source>
        <translation>Es gibt keinen Rechner namens %1. Prüfen Sie die Schreibweise der Adresse.</translation>
    </message>
    <message>
        <source>%1 could not be reached: nothing answered on port %2. Check that the gateway is running and that your network or proxy lets you reach it.</source>
        <translation>%1 ist nicht erreichbar: Auf Port %2 hat nichts geantwortet. Prüfen Sie, ob das Gateway läuft und ob Ihr Netzwerk oder Proxy es erreichen lässt.</translation>
    </message>
    <message>
        <source>%1 answered, but its certificate is not trusted by this computer (self-signed, expired or for another name). Nothing was sent. Ask whoever runs the gateway for a trusted certificate.</source>
        <translation>%1 hat geantwortet, aber dieser Rechner vertraut seinem Zertifikat nicht (selbst signiert, abgelaufen oder für einen anderen Namen). Es wurde nichts gesendet. Bitten Sie den Betreiber des Gateways um ein vertrauenswürdiges Zertifikat.</translation>
    </message>
    <message>
        <source>A server answers at %1, but it is not a Knotie gateway. Check the address and port, and whether a path such as /api was added.</source>
        <translation>Unter %1 antwortet ein Server, aber kein Knotie-Gateway. Prüfen Sie Adresse und Port und ob ein Pfad wie /api angehängt wurde.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a gateway address. Enter one like https://gateway.example.com or 127.0.0.1:8787.</source>
        <translation>„%1“ ist keine Gateway-Adresse. Geben Sie eine Adresse wie https://gateway.example.com oder 127.0.0.1:8787 ein.</translation>
    </message>
    <message>
        <source>%1 answered, but not in https: the server on port %2 speaks plain http (or another protocol), so this is not a certificate problem. Ask whoever runs the gateway for its https address, or turn https on there.</source>
        <translation>%1 antwortet, aber nicht über https: Der Server auf Port %2 spricht einfaches http (oder ein anderes Protokoll); es ist also kein Zertifikatsproblem. Fragen Sie die Betreiber des Gateways nach seiner https-Adresse, oder schalten Sie dort https ein.</translation>
    </message>
    <message>
        <source>%1 answered, but not in https: a Knotie gateway serves plain http there. Use %2.</source>
        <translation>%1 antwortet, aber nicht über https: Dort läuft ein Knotie-Gateway mit einfachem http. Verwenden Sie %2.</translation>
    </message>
    <message>
        <source>The address ends in %1, which each call adds itself. A Knotie gateway answers at %2 (version %3): use that address.</source>
        <translation>Die Adresse endet auf %1, das jeder Aufruf selbst anhängt. Unter %2 antwortet ein Knotie-Gateway (Version %3): Verwenden Sie diese Adresse.</translation>
    </message>
    <message>
        <source>The address ends in %1, which each call adds itself: the gateway&apos;s address would be %2, but that did not work either. %3</source>
        <translation>Die Adresse endet auf %1, das jeder Aufruf selbst anhängt: Die Adresse des Gateways wäre %2, aber auch das hat nicht funktioniert. %3</translation>
    </message>
</context>
<context>
    <name>knotie::ConnectionPanel</name>
    <message>
        <source>&amp;Check Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Your scripts and tools call the gateway at this base URL. Check an address here to see whether it reaches a Knotie gateway. To sign in to another gateway, sign out and enter its address.</source>
        <translation>Ihre Skripte und Werkzeuge rufen das Gateway unter dieser Basis-URL auf. Prüfen Sie hier eine Adresse, um zu sehen, ob sie ein Knotie-Gateway erreicht. Um sich bei einem anderen Gateway anzumelden, melden Sie sich ab und geben dessen Adresse ein.</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>Gateway-Adresse</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>Gateway &amp;address:</source>
        <translation>Gateway-&amp;Adresse:</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Proxy: none; the system settings connect directly to this address.</source>
        <translation>Proxy: keiner; laut Systemeinstellungen wird diese Adresse direkt erreicht.</translation>
    </message>
    <message>
        <source>Proxy: %1:%2, from the system settings.</source>
        <translation>Proxy: %1:%2, aus den Systemeinstellungen.</translation>
    </message>
    <message>
        <source>Use %1 and check again</source>
        <translation>%1 verwenden und erneut prüfen</translation>
    </message>
</context>
<context>
    <name>knotie::ConnectionState</name>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline since %1. Nothing has been synced yet.</source>
        <translation>Offline seit %1. Es wurde noch nichts synchronisiert.</translation>
    </message>
    <message>
        <source>Offline since %1. Showing data from %2.</source>
        <translation>Offline seit %1. Angezeigt werden Daten vom %2.</translation>
    </message>
    <message>
        <source>This needs the gateway, which cannot be reached since %1 (%2). The portal keeps trying to reconnect.</source>
        <translation>Dafür wird das Gateway gebraucht, das seit %1 nicht erreichbar ist (%2). Das Portal versucht weiter, sich zu verbinden.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Updated less than a minute ago</source>
        <translation>Vor weniger als einer Minute aktualisiert</translation>
    </message>
    <message>
        <source>Updated a minute ago</source>
        <translation>Vor einer Minute aktualisiert</translation>
    </message>
    <message>
        <source>Updated %1 minutes ago</source>
        <translation>Vor %1 Minuten aktualisiert</translation>
    </message>
    <message>
        <source>Updated at %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
</context>
<context>
    <name>knotie::CreateKeyDialog</name>
    <message>
        <source>Give the key a name you will recognize, like “N8N Production”.</source>
        <translation>Geben Sie dem Schlüssel einen Namen, den Sie wiedererkennen, etwa „N8N Production“.</translation>
    </message>
    <message>
        <source>Use at most %1 characters for the name.</source>
        <translation>Verwenden Sie höchstens %1 Zeichen für den Namen.</translation>
    </message>
    <message>
        <source>The name contains an invisible or control character. Retype it without pasting.</source>
        <translation>Der Name enthält ein unsichtbares oder ein Steuerzeichen. Tippen Sie ihn neu, ohne ihn einzufügen.</translation>
    </message>
    <message>
        <source>Create API Key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>e.g. N8N Production</source>
        <translation>z. B. N8N Production</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Optional: what uses this key, and who to ask about it</source>
        <translation>Optional: was diesen Schlüssel nutzt und wen man dazu fragen kann</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Type to search your customers</source>
        <translation>Tippen, um Ihre Kunden zu durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>Only Customer keys belong to one customer.</source>
        <translation>Nur Kundenschlüssel gehören zu einem Kunden.</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Verwenden Sie höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The description contains a control character other than a line break.</source>
        <translation>Die Beschreibung enthält ein Steuerzeichen außer einem Zeilenumbruch.</translation>
    </message>
    <message>
        <source>You have no customers yet. Add a customer first, or choose another type.</source>
        <translation>Sie haben noch keine Kunden. Legen Sie zuerst einen Kunden an oder wählen Sie einen anderen Typ.</translation>
    </message>
    <message>
        <source>Choose the customer this key belongs to.</source>
        <translation>Wählen Sie den Kunden, zu dem dieser Schlüssel gehört.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
    <message numerus="yes">
        <source>%n other key(s) with this name: %1</source>
        <translation>
            <numerusform>Ein anderer Schlüssel mit diesem Namen: %1</numerusform>
            <numerusform>%n andere Schlüssel mit diesem Namen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>You can still use it: the last four characters tell the keys apart.</source>
        <translation>Sie können ihn trotzdem verwenden: Die letzten vier Zeichen unterscheiden die Schlüssel.</translation>
    </message>
</context>
<context>
    <name>knotie::CustomerDetail</name>
    <message>
        <source>Customer keys</source>
        <translation>Kundenschlüssel</translation>
    </message>
    <message>
        <source>Create Customer Key…</source>
        <translation>Kundenschlüssel erstellen…</translation>
    </message>
    <message>
        <source>Create a Customer key for this customer</source>
        <translation>Einen Kundenschlüssel für diesen Kunden erstellen</translation>
    </message>
    <message>
        <source>People with settings access see this customer&apos;s keys here.</source>
        <translation>Wer Zugriff auf die Einstellungen hat, sieht hier die Schlüssel dieses Kunden.</translation>
    </message>
    <message>
        <source>Requests per day, last 30 days</source>
        <translation>Anfragen pro Tag, letzte 30 Tage</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Customer since %1</source>
        <translation>Kunde seit %1</translation>
    </message>
    <message>
        <source>People with %1 access see this customer&apos;s usage here.</source>
        <translation>Wer Zugriff auf %1 hat, sieht hier die Nutzung dieses Kunden.</translation>
    </message>
</context>
<context>
    <name>knotie::CustomerModel</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>knotie::CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Customer keys</source>
        <translation>Kundenschlüssel</translation>
    </message>
    <message>
        <source>Requests (7 days)</source>
        <translation>Anfragen (7 Tage)</translation>
    </message>
</context>
<context>
    <name>knotie::CustomersPage</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Search customers…</source>
        <translation>Kunden durchsuchen…</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Kunden durchsuchen</translation>
    </message>
    <message>
        <source>No customers yet.</source>
        <translation>Noch keine Kunden.</translation>
    </message>
    <message>
        <source>No customer matches “%1”.</source>
        <translation>Kein Kunde passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>knotie::DesktopNotifier</name>
    <message>
        <source>Show Key Details</source>
        <translation>Schlüsseldetails anzeigen</translation>
    </message>
</context>
<context>
    <name>knotie::EditKeyDialog</name>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
</context>
<context>
    <name>knotie::EndpointBrowser</name>
    <message>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>Platform API calls</source>
        <translation>Aufrufe der Platform API</translation>
    </message>
    <message>
        <source>What each key type may do with this call</source>
        <translation>Was jeder Schlüsseltyp mit diesem Aufruf darf</translation>
    </message>
    <message>
        <source>The examples read your key from the environment variable %1 (in n8n: an environment variable or a Header Auth credential), so they never contain a key. Keep keys out of browser code.</source>
        <translation>Die Beispiele lesen Ihren Schlüssel aus der Umgebungsvariablen %1 (in n8n: eine Umgebungsvariable oder ein Header-Auth-Credential) und enthalten deshalb nie einen Schlüssel. Schlüssel gehören nicht in Browser-Code.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tools&lt;/b&gt; (tools/list shows a key only the tools it may call)</source>
        <translation>&lt;b&gt;Werkzeuge&lt;/b&gt; (tools/list zeigt einem Schlüssel nur die Werkzeuge, die er aufrufen darf)</translation>
    </message>
    <message>
        <source>MCP tools and the key types that may call them</source>
        <translation>MCP-Werkzeuge und die Schlüsseltypen, die sie aufrufen dürfen</translation>
    </message>
    <message>
        <source>&lt;b&gt;MCP client configuration&lt;/b&gt;: streamable HTTP with your key in the X-API-Key header. Replace %1 with a Read-Only key for agents that only read.</source>
        <translation>&lt;b&gt;MCP-Client-Konfiguration&lt;/b&gt;: Streamable HTTP mit Ihrem Schlüssel im Header X-API-Key. Ersetzen Sie %1 für Agenten, die nur lesen, durch einen Nur-Lesen-Schlüssel.</translation>
    </message>
    <message>
        <source>MCP client configuration</source>
        <translation>MCP-Client-Konfiguration</translation>
    </message>
    <message>
        <source>%1 Success: HTTP %2.</source>
        <translation>%1 Erfolg: HTTP %2.</translation>
    </message>
    <message>
        <source>Knotie: %1</source>
        <translation>Knotie: %1</translation>
    </message>
    <message>
        <source>No: the gateway answers 403 key_scope. Own customer only: a customer key reaches its own customer; others answer 404 as if they did not exist.</source>
        <translation>Nein: Das Gateway antwortet mit 403 key_scope. Nur eigener Kunde: Ein Kundenschlüssel erreicht seinen eigenen Kunden; andere antworten mit 404, als gäbe es sie nicht.</translation>
    </message>
    <message>
        <source>Example language</source>
        <translation>Sprache des Beispiels</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
</context>
<context>
    <name>knotie::ErrorCodesTab</name>
    <message>
        <source>Errors by status and code</source>
        <translation>Fehler nach Status und Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Was es bedeutet</translation>
    </message>
    <message>
        <source>Loading errors…</source>
        <translation>Fehler werden geladen…</translation>
    </message>
    <message>
        <source>No errors in this range.</source>
        <translation>Keine Fehler in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyActions</name>
    <message>
        <source>&amp;Create API Key…</source>
        <translation>API-Schlüssel &amp;erstellen…</translation>
    </message>
    <message>
        <source>Copy Key &amp;ID</source>
        <translation>Schlüssel-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Re&amp;name and Describe…</source>
        <translation>Umbe&amp;nennen und beschreiben…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Show &amp;Usage</source>
        <translation>N&amp;utzung zeigen</translation>
    </message>
    <message>
        <source>Show &amp;History</source>
        <translation>&amp;Verlauf zeigen</translation>
    </message>
    <message>
        <source>Go to &amp;Linked Key</source>
        <translation>Zum &amp;verknüpften Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Create a new API key (%1)</source>
        <translation>Einen neuen API-Schlüssel erstellen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>R&amp;otate %n Keys…</source>
        <translation>
            <numerusform>%n Schlüssel r&amp;otieren…</numerusform>
            <numerusform>%n Schlüssel r&amp;otieren…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Keys…</source>
        <translation>
            <numerusform>%n Schlüssel &amp;widerrufen…</numerusform>
            <numerusform>%n Schlüssel &amp;widerrufen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Change &amp;Limits…</source>
        <translation>&amp;Limits ändern…</translation>
    </message>
    <message>
        <source>Key &amp;Details…</source>
        <translation>Schlüssel&amp;details…</translation>
    </message>
    <message>
        <source>Latest Re&amp;quests…</source>
        <translation>Letzte An&amp;fragen…</translation>
    </message>
    <message>
        <source>Copy &amp;Saved Secret</source>
        <translation>&amp;Gespeichertes Geheimnis kopieren</translation>
    </message>
    <message>
        <source>Set Usage &amp;Warning…</source>
        <translation>Nutzungs&amp;warnung festlegen…</translation>
    </message>
</context>
<context>
    <name>knotie::KeyBatch</name>
    <message numerus="yes">
        <source>%n key(s) rotated.</source>
        <translation>
            <numerusform>%n Schlüssel rotiert.</numerusform>
            <numerusform>%n Schlüssel rotiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) revoked.</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen.</numerusform>
            <numerusform>%n Schlüssel widerrufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) handed over.</source>
        <translation>
            <numerusform>%n Schlüssel übergeben.</numerusform>
            <numerusform>%n Schlüssel übergeben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyDetailsDialog</name>
    <message>
        <source>Change &amp;Limits…</source>
        <translation>&amp;Limits ändern…</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Revoked:</source>
        <translation>Widerrufen:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>Replaces:</source>
        <translation>Ersetzt:</translation>
    </message>
    <message>
        <source>Replaced by:</source>
        <translation>Ersetzt durch:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>This key is not known here (yet).</source>
        <translation>Dieser Schlüssel ist hier (noch) nicht bekannt.</translation>
    </message>
    <message>
        <source>Key details: %1</source>
        <translation>Schlüsseldetails: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>All of the account&apos;s customers (not a Customer key)</source>
        <translation>Alle Kunden des Kontos (kein Kundenschlüssel)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Not revoked</source>
        <translation>Nicht widerrufen</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemandem</translation>
    </message>
    <message>
        <source>Answers for it:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
</context>
<context>
    <name>knotie::KeyFilterBar</name>
    <message>
        <source>Search keys</source>
        <translation>Schlüssel durchsuchen</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Nach Typ filtern</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Filter by creator</source>
        <translation>Nach Ersteller filtern</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle Personen</translation>
    </message>
    <message>
        <source>Show re&amp;voked and expired</source>
        <translation>&amp;Widerrufene und abgelaufene zeigen</translation>
    </message>
    <message>
        <source>Expiring within 7 days</source>
        <translation>Laufen in 7 Tagen ab</translation>
    </message>
    <message>
        <source>Unused for 90 days</source>
        <translation>Seit 90 Tagen ungenutzt</translation>
    </message>
    <message>
        <source>Without expiry</source>
        <translation>Ohne Ablaufdatum</translation>
    </message>
    <message>
        <source>One customer&apos;s keys</source>
        <translation>Schlüssel eines Kunden</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 von %n Schlüssel</numerusform>
            <numerusform>%1 von %n Schlüsseln</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, description, key (prefix or last 4), customer or creator</source>
        <translation>Name, Beschreibung, Schlüssel (Präfix oder letzte 4), Kunde oder Ersteller suchen</translation>
    </message>
    <message>
        <source>A whole key was pasted: showing the key %1. &lt;a href=&quot;test&quot;&gt;Test a Key&lt;/a&gt;</source>
        <translation>Ein ganzer Schlüssel wurde eingefügt: Angezeigt wird der Schlüssel %1. &lt;a href=&quot;test&quot;&gt;Schlüssel testen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A whole key was pasted</source>
        <translation>Ein ganzer Schlüssel wurde eingefügt</translation>
    </message>
</context>
<context>
    <name>knotie::KeyFlows</name>
    <message>
        <source>Copied the key id %1.</source>
        <translation>Schlüssel-ID %1 kopiert.</translation>
    </message>
    <message>
        <source>Rotating %1 of %2…</source>
        <translation>Rotiere %1 von %2…</translation>
    </message>
    <message>
        <source>Revoking %1 of %2…</source>
        <translation>Widerrufe %1 von %2…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n key(s) to %1.</source>
        <translation>
            <numerusform>%n Schlüssel nach %1 exportiert.</numerusform>
            <numerusform>%n Schlüssel nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the keys: %1</source>
        <translation>Die Schlüssel konnten nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Changed the limits of “%1”.</source>
        <translation>Limits von „%1“ geändert.</translation>
    </message>
    <message>
        <source>The secret could not be read: %1</source>
        <translation>Das Geheimnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The system keychain no longer holds the secret of “%1”.</source>
        <translation>Der Systemschlüsselbund enthält das Geheimnis von „%1“ nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Copied the secret of “%1” from the system keychain. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Das Geheimnis von „%1“ wurde aus dem Systemschlüsselbund kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Das Geheimnis von „%1“ wurde aus dem Systemschlüsselbund kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyHistoryDialog</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Renamed or described</source>
        <translation>Umbenannt oder beschrieben</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Rotiert</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
    <message>
        <source>Limits changed</source>
        <translation>Limits geändert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>rate limit %1 → %2</source>
        <translation>Ratenlimit %1 → %2</translation>
    </message>
    <message>
        <source>expiry %1 → %2</source>
        <translation>Ablauf %1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Handed to another person</source>
        <translation>An eine andere Person übergeben</translation>
    </message>
</context>
<context>
    <name>knotie::KeyHistoryView</name>
    <message>
        <source>Key history</source>
        <translation>Schlüsselverlauf</translation>
    </message>
    <message>
        <source>No events for this key have been synced yet.</source>
        <translation>Für diesen Schlüssel wurden noch keine Ereignisse synchronisiert.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyLimitsDialog</name>
    <message>
        <source>Limits of “%1”</source>
        <translation>Limits von „%1“</translation>
    </message>
    <message>
        <source>The new expiry and rate limit hold from the key&apos;s very next request. Callers see an expiry within 30 days in the Sunset header of every answer.</source>
        <translation>Ablauf und Ratenlimit gelten ab der nächsten Anfrage mit dem Schlüssel. Ein Ablauf innerhalb von 30 Tagen steht für Aufrufer im Sunset-Header jeder Antwort.</translation>
    </message>
    <message>
        <source>E&amp;xpires:</source>
        <translation>&amp;Läuft ab:</translation>
    </message>
    <message>
        <source>Rate limit:</source>
        <translation>Ratenlimit:</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>knotie::KeyLimitsFields</name>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 60 days</source>
        <translation>In 60 Tagen</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 Tagen</translation>
    </message>
    <message>
        <source>In one year</source>
        <translation>In einem Jahr</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>An einem Datum…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>A key that never expires stays valid until someone revokes it. Prefer an expiry, and rotate keys regularly.</source>
        <translation>Ein Schlüssel ohne Ablauf bleibt gültig, bis ihn jemand widerruft. Wählen Sie besser ein Ablaufdatum und rotieren Sie Schlüssel regelmäßig.</translation>
    </message>
    <message>
        <source>&amp;Limit to</source>
        <translation>&amp;Begrenzen auf</translation>
    </message>
    <message>
        <source>Requests allowed</source>
        <translation>Erlaubte Anfragen</translation>
    </message>
    <message>
        <source>Per time window</source>
        <translation>Pro Zeitfenster</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>requests per hour</source>
        <translation>Anfragen pro Stunde</translation>
    </message>
    <message>
        <source>requests per day</source>
        <translation>Anfragen pro Tag</translation>
    </message>
    <message>
        <source>Keep: %1</source>
        <translation>Beibehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>requests per %n second(s)</source>
        <translation>
            <numerusform>Anfragen pro %n Sekunde</numerusform>
            <numerusform>Anfragen pro %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose an expiry in the future, or Never.</source>
        <translation>Wählen Sie einen Ablauf in der Zukunft oder „Nie“.</translation>
    </message>
    <message>
        <source>A rate limit allows 1 to 1,000,000 requests per 1 second to 1 day.</source>
        <translation>Ein Ratenlimit erlaubt 1 bis 1.000.000 Anfragen pro 1 Sekunde bis 1 Tag.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyRequestsView</name>
    <message>
        <source>&amp;Errors only</source>
        <translation>Nur F&amp;ehler</translation>
    </message>
    <message>
        <source>Latest requests</source>
        <translation>Letzte Anfragen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading the latest requests…</source>
        <translation>Die letzten Anfragen werden geladen…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No requests made with this key are kept yet.</source>
        <translation>Mit diesem Schlüssel sind noch keine Anfragen gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of the latest %n request(s) failed.</source>
        <translation>
            <numerusform>%1 der letzten %n Anfrage sind fehlgeschlagen.</numerusform>
            <numerusform>%1 der letzten %n Anfragen sind fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a failed request to see why it failed.</source>
        <translation>Wählen Sie eine fehlgeschlagene Anfrage, um zu sehen, warum sie fehlschlug.</translation>
    </message>
    <message>
        <source>%1 %2: %3
Fix: %4</source>
        <translation>%1 %2: %3
Abhilfe: %4</translation>
    </message>
</context>
<context>
    <name>knotie::KeySecrets</name>
    <message>
        <source>Knotie — %1 (%2) — %3</source>
        <translation>Knotie — %1 (%2) — %3</translation>
    </message>
    <message>
        <source>There is no system keychain to save to.</source>
        <translation>Es gibt keinen Systemschlüsselbund zum Speichern.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyService</name>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTableDelegate</name>
    <message>
        <source>Expiring %1</source>
        <translation>Läuft ab %1</translation>
    </message>
    <message>
        <source>Expires soon (%1)</source>
        <translation>Läuft bald ab (%1)</translation>
    </message>
    <message>
        <source>Expiring %1, replaced by %2</source>
        <translation>Läuft %1 ab, ersetzt durch %2</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTableModel</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>in a moment</source>
        <translation>gleich</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-Only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft aus</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Revoked by %1</source>
        <translation>Widerrufen von %1</translation>
    </message>
    <message>
        <source>Revoked %1 by %2</source>
        <translation>Widerrufen %1 von %2</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Widerrufen %1</translation>
    </message>
    <message>
        <source>Revoked on %1 by %2</source>
        <translation>Am %1 von %2 widerrufen</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Am %1 widerrufen</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <translation>%1 pro Sekunde</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>%1 pro Stunde</translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message numerus="yes">
        <source>%1 per %n second(s)</source>
        <translation>
            <numerusform>%1 pro %n Sekunde</numerusform>
            <numerusform>%1 pro %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate limit: %1</source>
        <translation>Ratenlimit: %1</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Expires: never</source>
        <translation>Läuft ab: nie</translation>
    </message>
    <message>
        <source>Its secret is saved in your system keychain as “%1”.</source>
        <translation>Sein Geheimnis ist in Ihrem Systemschlüsselbund als „%1“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTableView</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTest</name>
    <message>
        <source>The key is well-formed: a %1 key whose checksum is right. Whether it works only the gateway can say, and it cannot be reached right now; test the key again once the portal is back online.</source>
        <translation>Der Schlüssel ist wohlgeformt: ein %1-Schlüssel mit richtiger Prüfsumme. Ob er funktioniert, kann nur das Gateway sagen, und es ist gerade nicht erreichbar; testen Sie den Schlüssel erneut, sobald das Portal wieder online ist.</translation>
    </message>
    <message>
        <source>Knotie</source>
        <translation>Knotie</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTestPanel</name>
    <message>
        <source>&amp;Test Key</source>
        <translation>Schlüssel &amp;testen</translation>
    </message>
    <message>
        <source>Paste a key to see whether it works, what type it is and what it may do. The key is checked here first, then by the gateway; it is not stored and is cleared when you leave this page.</source>
        <translation>Fügen Sie einen Schlüssel ein, um zu sehen, ob er funktioniert, welchen Typ er hat und was er darf. Der Schlüssel wird zuerst hier geprüft, dann vom Gateway; er wird nicht gespeichert und beim Verlassen dieser Seite gelöscht.</translation>
    </message>
    <message>
        <source>Key to test</source>
        <translation>Zu testender Schlüssel</translation>
    </message>
    <message>
        <source>kn_… (44 characters)</source>
        <translation>kn_… (44 Zeichen)</translation>
    </message>
    <message>
        <source>Test key</source>
        <translation>Schlüssel testen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>This is not a Knotie key.</source>
        <translation>Das ist kein Knotie-Schlüssel.</translation>
    </message>
    <message>
        <source>A Knotie key starts with kn_pk_, kn_ck_, kn_rk_ or kn_wk_ and is %1 characters long. Nothing was sent to the gateway.</source>
        <translation>Ein Knotie-Schlüssel beginnt mit kn_pk_, kn_ck_, kn_rk_ oder kn_wk_ und ist %1 Zeichen lang. An das Gateway wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>A character is wrong.</source>
        <translation>Ein Zeichen ist falsch.</translation>
    </message>
    <message>
        <source>This looks like a %1 key, but its checksum (the last six characters) does not match: a character was changed or lost when it was copied. Copy it again from where you keep it. Nothing was sent to the gateway.</source>
        <translation>Das sieht aus wie ein %1-Schlüssel, aber seine Prüfsumme (die letzten sechs Zeichen) passt nicht: Beim Kopieren wurde ein Zeichen verändert oder ging verloren. Kopieren Sie ihn erneut von dort, wo Sie ihn aufbewahren. An das Gateway wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>The gateway does not know this key.</source>
        <translation>Das Gateway kennt diesen Schlüssel nicht.</translation>
    </message>
    <message>
        <source>It is a well-formed %1 key, but not one of your account&apos;s keys: it may belong to another account, or it was never issued by this gateway (%2).</source>
        <translation>Es ist ein gültig aufgebauter %1-Schlüssel, aber keiner der Schlüssel Ihres Kontos: Er gehört vielleicht zu einem anderen Konto oder wurde nie von diesem Gateway (%2) ausgegeben.</translation>
    </message>
    <message>
        <source>The key could not be checked.</source>
        <translation>Der Schlüssel konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>someone on your team</source>
        <translation>jemandem aus Ihrem Team</translation>
    </message>
    <message>
        <source>Revoked on %1 by %2.</source>
        <translation>Am %1 von %2 widerrufen.</translation>
    </message>
    <message>
        <source>Expired on %1.</source>
        <translation>Am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gültig bis %1.</translation>
    </message>
    <message>
        <source>Valid.</source>
        <translation>Gültig.</translation>
    </message>
    <message>
        <source>%1 key %2.</source>
        <translation>%1-Schlüssel %2.</translation>
    </message>
    <message>
        <source>It no longer works; every call with it is refused (401 invalid_key).</source>
        <translation>Er funktioniert nicht mehr; jeder Aufruf damit wird abgelehnt (401 invalid_key).</translation>
    </message>
    <message>
        <source>It may call:</source>
        <translation>Er darf aufrufen:</translation>
    </message>
    <message>
        <source>It could call:</source>
        <translation>Er durfte aufrufen:</translation>
    </message>
    <message>
        <source>Calling GET /api/v1/whoami with this key…</source>
        <translation>GET /api/v1/whoami wird mit diesem Schlüssel aufgerufen…</translation>
    </message>
    <message>
        <source>Live call GET /api/v1/whoami: HTTP %1, the gateway answered as key %2 (%3).</source>
        <translation>Live-Aufruf GET /api/v1/whoami: HTTP %1, das Gateway antwortete für Schlüssel %2 (%3).</translation>
    </message>
    <message>
        <source>Live call GET /api/v1/whoami failed: %1</source>
        <translation>Live-Aufruf GET /api/v1/whoami fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>knotie::MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Knotie Partner Portal</source>
        <translation>Ü&amp;ber Knotie Partnerportal</translation>
    </message>
    <message>
        <source>About Knotie Partner Portal</source>
        <translation>Über Knotie Partnerportal</translation>
    </message>
    <message>
        <source>&lt;b&gt;Knotie Partner Portal&lt;/b&gt; %1&lt;br&gt;Manage the API keys of your Knotie AI Pro partner account.</source>
        <translation>&lt;b&gt;Knotie Partnerportal&lt;/b&gt; %1&lt;br&gt;Verwalten Sie die API-Schlüssel Ihres Knotie-AI-Pro-Partnerkontos.</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Go to Page or Key…</source>
        <translation>&amp;Zu Seite oder Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Knotie Partner Portal</source>
        <translation>Knotie Partnerportal</translation>
    </message>
    <message>
        <source>Settings (locked)</source>
        <translation>Einstellungen (gesperrt)</translation>
    </message>
</context>
<context>
    <name>knotie::MemberLeavesDialog</name>
    <message>
        <source>A Team Member Leaves</source>
        <translation>Ein Teammitglied geht</translation>
    </message>
    <message>
        <source>Team member who leaves</source>
        <translation>Teammitglied, das geht</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>in 1 Stunde</translation>
    </message>
    <message>
        <source>in 24 hours</source>
        <translation>in 24 Stunden</translation>
    </message>
    <message>
        <source>in 7 days</source>
        <translation>in 7 Tagen</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>Pick a member.</source>
        <translation>Wählen Sie ein Mitglied.</translation>
    </message>
    <message>
        <source>Working… %1 of %2</source>
        <translation>In Arbeit… %1 von %2</translation>
    </message>
    <message>
        <source>&amp;Review and Run…</source>
        <translation>&amp;Prüfen und ausführen…</translation>
    </message>
    <message>
        <source>When someone leaves your team, the keys they created or answer for should stop being theirs: rotate them (new secrets, shown once, for whoever takes over), revoke them, or hand them to someone who stays.</source>
        <translation>Wenn jemand Ihr Team verlässt, sollten die Schlüssel, die diese Person erstellt hat oder verantwortet, nicht mehr ihre sein: Rotieren Sie sie (neue Geheimnisse, einmal angezeigt, für die Nachfolge), widerrufen Sie sie oder übergeben Sie sie jemandem, der bleibt.</translation>
    </message>
    <message>
        <source>Keys this member created or answers for</source>
        <translation>Schlüssel, die dieses Mitglied erstellt hat oder verantwortet</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>R&amp;otate</source>
        <translation>R&amp;otieren</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Every active key:</source>
        <translation>Jeder aktive Schlüssel:</translation>
    </message>
    <message>
        <source>Rotated keys stop working</source>
        <translation>Rotierte Schlüssel hören auf zu funktionieren</translation>
    </message>
    <message>
        <source>A key handed over keeps its secret. Only you can know whether that secret left a server or a laptop the person who leaves could still reach; if in doubt, rotate it instead.</source>
        <translation>Ein übergebener Schlüssel behält sein Geheimnis. Nur Sie können wissen, ob dieses Geheimnis auf einem Server oder Laptop liegt, den die gehende Person noch erreichen kann; rotieren Sie ihn im Zweifel stattdessen.</translation>
    </message>
    <message>
        <source>Rotated keys stop &amp;working:</source>
        <translation>Rotierte Schlüssel &amp;enden:</translation>
    </message>
    <message>
        <source>Keys they created or answer for that still work:</source>
        <translation>Schlüssel, die diese Person erstellt hat oder verantwortet und die noch funktionieren:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>In grace, expires %1</source>
        <translation>In der Übergangsfrist, läuft %1 ab</translation>
    </message>
    <message>
        <source>What happens to %1</source>
        <translation>Was mit %1 geschieht</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Hand to %1</source>
        <translation>An %1 übergeben</translation>
    </message>
    <message>
        <source>Revoke now</source>
        <translation>Jetzt widerrufen</translation>
    </message>
    <message>
        <source>Let it expire</source>
        <translation>Ablaufen lassen</translation>
    </message>
    <message>
        <source>They created and answer for no keys that still work.</source>
        <translation>Diese Person hat keine funktionierenden Schlüssel erstellt und verantwortet keine.</translation>
    </message>
    <message>
        <source>Rotate %1: a new secret is shown once; the old one stops working %2.</source>
        <translation>%1 rotieren: Ein neues Geheimnis wird einmal angezeigt; das alte hört %2 auf zu funktionieren.</translation>
    </message>
    <message>
        <source>Revoke %1: it stops working at once.</source>
        <translation>%1 widerrufen: Er hört sofort auf zu funktionieren.</translation>
    </message>
    <message>
        <source>Hand %1 to %2: it keeps working with the same secret.</source>
        <translation>%1 an %2 übergeben: Er funktioniert mit demselben Geheimnis weiter.</translation>
    </message>
    <message>
        <source>Leave %1 to expire %2.</source>
        <translation>%1 %2 ablaufen lassen.</translation>
    </message>
    <message>
        <source>Then remove %1 from the team: their sessions end at once and they cannot sign in again. Keys keep naming them as creator.</source>
        <translation>Dann %1 aus dem Team entfernen: Ihre Sitzungen enden sofort, und sie können sich nicht mehr anmelden. Schlüssel nennen sie weiterhin als Ersteller.</translation>
    </message>
    <message>
        <source>Remove them from the team</source>
        <translation>Aus dem Team entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the team (their sessions end at once)</source>
        <translation>%1 aus dem Team entfernen (die Sitzungen enden sofort)</translation>
    </message>
    <message>
        <source>This is what will happen:</source>
        <translation>Das wird geschehen:</translation>
    </message>
    <message>
        <source>&amp;Do All of This</source>
        <translation>&amp;All das ausführen</translation>
    </message>
    <message>
        <source>%1 is still in the team, since not every key was changed. Try again once the keys above are dealt with.</source>
        <translation>%1 ist noch im Team, da nicht jeder Schlüssel geändert wurde. Versuchen Sie es erneut, sobald die Schlüssel oben erledigt sind.</translation>
    </message>
    <message>
        <source>%1 was removed from the team; their sessions have ended.</source>
        <translation>%1 wurde aus dem Team entfernt; die Sitzungen sind beendet.</translation>
    </message>
    <message>
        <source>%1 is still in the team: %2</source>
        <translation>%1 ist noch im Team: %2</translation>
    </message>
</context>
<context>
    <name>knotie::NotificationPrefs</name>
    <message>
        <source>A key expires within 7 days</source>
        <translation>Ein Schlüssel läuft innerhalb von 7 Tagen ab</translation>
    </message>
    <message>
        <source>A key expires within a day</source>
        <translation>Ein Schlüssel läuft innerhalb eines Tages ab</translation>
    </message>
    <message>
        <source>A rotated key&apos;s grace ends within the hour</source>
        <translation>Die Übergangsfrist eines rotierten Schlüssels endet innerhalb einer Stunde</translation>
    </message>
    <message>
        <source>Over 20 % of a key&apos;s requests fail (15 minutes, at least 20 requests)</source>
        <translation>Über 20 % der Anfragen eines Schlüssels schlagen fehl (15 Minuten, mindestens 20 Anfragen)</translation>
    </message>
    <message>
        <source>A key hits its rate limit repeatedly (in 3 of the last 15 minutes)</source>
        <translation>Ein Schlüssel erreicht wiederholt sein Anfragelimit (in 3 der letzten 15 Minuten)</translation>
    </message>
    <message>
        <source>A key passes a usage warning you set</source>
        <translation>Ein Schlüssel überschreitet eine von Ihnen festgelegte Nutzungswarnung</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Warn me on the desktop when:</source>
        <translation>Auf dem Desktop warnen, wenn:</translation>
    </message>
</context>
<context>
    <name>knotie::OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Ihr Konto</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Partner:</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Gateway:</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Offline since %1: showing what was last synced.</source>
        <translation>Offline seit %1: Angezeigt wird der zuletzt synchronisierte Stand.</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Key health</source>
        <translation>Zustand der Schlüssel</translation>
    </message>
    <message>
        <source>Show these keys</source>
        <translation>Diese Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Working keys by type</source>
        <translation>Gültige Schlüssel nach Typ</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Nach Status</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Expiring in the next 7 days</source>
        <translation>Ablauf in den nächsten 7 Tagen</translation>
    </message>
    <message>
        <source>Unused for 90 days</source>
        <translation>Seit 90 Tagen ungenutzt</translation>
    </message>
    <message>
        <source>Without expiry</source>
        <translation>Ohne Ablaufdatum</translation>
    </message>
    <message>
        <source>%1: …</source>
        <translation>%1: …</translation>
    </message>
    <message>
        <source>%1: loading</source>
        <translation>%1: wird geladen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n key(s). Show them</source>
        <translation>
            <numerusform>%1: %n Schlüssel. Anzeigen</numerusform>
            <numerusform>%1: %n Schlüssel. Anzeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent key actions</source>
        <translation>Letzte Schlüsselaktionen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No key actions yet.</source>
        <translation>Noch keine Schlüsselaktionen.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No saved traffic for the last 48 hours while offline.</source>
        <translation>Offline und kein gespeicherter Verkehr für die letzten 48 Stunden.</translation>
    </message>
    <message>
        <source>No traffic in the last 48 hours.</source>
        <translation>Kein Verkehr in den letzten 48 Stunden.</translation>
    </message>
    <message>
        <source> (%1%2 %)</source>
        <translation> (%1%2 %)</translation>
    </message>
    <message>
        <source>Requests in the last 24 hours: %1, against %2 in the 24 before%3</source>
        <translation>Anfragen in den letzten 24 Stunden: %1, gegenüber %2 in den 24 davor%3</translation>
    </message>
    <message>
        <source>Error rate: %1, against %2</source>
        <translation>Fehlerquote: %1, gegenüber %2</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Here you can look up your customers and read the API reference, with copy-and-paste examples for your tools.</source>
        <translation>Hier können Sie Ihre Kunden nachschlagen und die API-Referenz lesen, mit Beispielen zum Kopieren für Ihre Tools.</translation>
    </message>
    <message>
        <source>Here you can read the API reference, with copy-and-paste examples for your tools.</source>
        <translation>Hier können Sie die API-Referenz lesen, mit Beispielen zum Kopieren für Ihre Tools.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>%1 created %2</source>
        <translation>%1 hat %2 erstellt</translation>
    </message>
    <message>
        <source>%1 rotated %2</source>
        <translation>%1 hat %2 rotiert</translation>
    </message>
    <message>
        <source>%1 revoked %2</source>
        <translation>%1 hat %2 widerrufen</translation>
    </message>
    <message>
        <source>%1 renamed %2</source>
        <translation>%1 hat %2 umbenannt</translation>
    </message>
    <message>
        <source>Hello %1. %2

To manage API keys or see Agent Analytics, ask %3, who owns the %4 account, to give you access.</source>
        <translation>Hallo %1. %2

Um API-Schlüssel zu verwalten oder Agent Analytics zu sehen, bitten Sie %3, Inhaber/in des Kontos %4, um Zugriff.</translation>
    </message>
</context>
<context>
    <name>knotie::PasswordPanel</name>
    <message>
        <source>C&amp;hange Password</source>
        <translation>Passwort &amp;ändern</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation>
            <numerusform>Mindestens %n Zeichen</numerusform>
            <numerusform>Mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>When it changes, you stay signed in here and every other session is signed out.</source>
        <translation>Nach der Änderung bleiben Sie hier angemeldet; alle anderen Sitzungen werden abgemeldet.</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>A&amp;ktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>New password a&amp;gain:</source>
        <translation>Neues Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Geben Sie Ihr aktuelles Passwort ein.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n character(s).</source>
        <translation>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new password and its repetition differ.</source>
        <translation>Das neue Passwort und seine Wiederholung stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Changing your password…</source>
        <translation>Passwort wird geändert…</translation>
    </message>
    <message>
        <source>Your password has changed. Every other session was signed out.</source>
        <translation>Ihr Passwort wurde geändert. Alle anderen Sitzungen wurden abgemeldet.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The password did not change: %1</source>
        <translation>Das Passwort wurde nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>knotie::PeopleService</name>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n character(s).</source>
        <translation>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Das neue Passwort braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::PortalController</name>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
</context>
<context>
    <name>knotie::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes the next time the portal starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start des Portals.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>Where you are signed in</source>
        <translation>Wo Sie angemeldet sind</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
</context>
<context>
    <name>knotie::RevokeKeyDialog</name>
    <message numerus="yes">
        <source>Revoke %n Keys?</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n keys stop working at once: every request that uses them is refused from now on. This cannot be undone.</source>
        <translation>
            <numerusform>Dieser Schlüssel funktioniert sofort nicht mehr: Jede Anfrage damit wird ab jetzt abgelehnt. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Diese %n Schlüssel funktionieren sofort nicht mehr: Jede Anfrage damit wird ab jetzt abgelehnt. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Revoke Key</source>
        <translation>Schlüssel &amp;widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Keys</source>
        <translation>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>%1 widerrufen?</translation>
    </message>
    <message>
        <source>%1 stops working at once: every request that uses it is refused from now on. This cannot be undone.</source>
        <translation>%1 funktioniert ab sofort nicht mehr: Jede Anfrage damit wird von nun an abgelehnt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>knotie::RotateKeyDialog</name>
    <message numerus="yes">
        <source>Rotate %n Keys</source>
        <translation>
            <numerusform>%n Schlüssel rotieren</numerusform>
            <numerusform>%n Schlüssel rotieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotating issues a new secret, shown once, and retires the old one. Choose how long the old key keeps working while you put the new one in place.</source>
        <translation>Beim Rotieren entsteht ein neues Geheimnis, das einmal angezeigt wird, und das alte wird stillgelegt. Wählen Sie, wie lange der alte Schlüssel noch funktioniert, während Sie den neuen einsetzen.</translation>
    </message>
    <message>
        <source>The old key stops working</source>
        <translation>Der alte Schlüssel funktioniert nicht mehr</translation>
    </message>
    <message>
        <source>&amp;Immediately</source>
        <translation>&amp;Sofort</translation>
    </message>
    <message>
        <source>In &amp;1 hour</source>
        <translation>In &amp;1 Stunde</translation>
    </message>
    <message>
        <source>In &amp;24 hours</source>
        <translation>In &amp;24 Stunden</translation>
    </message>
    <message>
        <source>In &amp;7 days</source>
        <translation>In &amp;7 Tagen</translation>
    </message>
    <message>
        <source>&amp;Rotate Key</source>
        <translation>Schlüssel &amp;rotieren</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Rotate %n Keys</source>
        <translation>
            <numerusform>%n Schlüssel &amp;rotieren</numerusform>
            <numerusform>%n Schlüssel &amp;rotieren</numerusform>
        </translation>
    </message>
    <message>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>%1 rotieren</translation>
    </message>
    <message>
        <source>The new key expires</source>
        <translation>Der neue Schlüssel läuft ab</translation>
    </message>
    <message>
        <source>Like the old key: %1</source>
        <translation>Wie der alte Schlüssel: %1</translation>
    </message>
    <message>
        <source>Each like its old key</source>
        <translation>Jeder wie sein alter Schlüssel</translation>
    </message>
    <message>
        <source>In one year</source>
        <translation>In einem Jahr</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n Tag</numerusform>
            <numerusform>In %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>The new key &amp;expires:</source>
        <translation>Der neue Schlüssel läuft &amp;ab:</translation>
    </message>
</context>
<context>
    <name>knotie::SecretRevealDialog</name>
    <message>
        <source>Close without copying?</source>
        <translation>Schließen, ohne zu kopieren?</translation>
    </message>
    <message>
        <source>You have not copied this key. It cannot be shown again: if you close now, you will have to rotate it to get a new secret.</source>
        <translation>Sie haben diesen Schlüssel nicht kopiert. Er kann nicht erneut angezeigt werden: Wenn Sie jetzt schließen, müssen Sie ihn rotieren, um ein neues Geheimnis zu erhalten.</translation>
    </message>
    <message>
        <source>Your new API key</source>
        <translation>Ihr neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this key now. It will not be shown again.&lt;/b&gt; Treat it like a password: keep it in a password manager or secrets vault, and never paste it into client-side code.</source>
        <translation>&lt;b&gt;Kopieren Sie diesen Schlüssel jetzt. Er wird nicht erneut angezeigt.&lt;/b&gt; Behandeln Sie ihn wie ein Passwort: Bewahren Sie ihn in einem Passwortmanager oder Secrets-Tresor auf und fügen Sie ihn nie in clientseitigen Code ein.</translation>
    </message>
    <message>
        <source>API key secret</source>
        <translation>Geheimnis des API-Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Copy Key</source>
        <translation>Schlüssel &amp;kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
    <message>
        <source>Try it: send the key in the &lt;code&gt;X-API-Key&lt;/code&gt; header.</source>
        <translation>Probieren Sie es aus: Senden Sie den Schlüssel im Header &lt;code&gt;X-API-Key&lt;/code&gt;.</translation>
    </message>
    <message>
        <source>Example request</source>
        <translation>Beispielanfrage</translation>
    </message>
    <message>
        <source>Copy &amp;Example</source>
        <translation>&amp;Beispiel kopieren</translation>
    </message>
    <message>
        <source>&amp;Save to the system keychain</source>
        <translation>Im &amp;Systemschlüsselbund speichern</translation>
    </message>
    <message>
        <source>Keeps a copy in your operating system&apos;s keychain, where only you can read it.</source>
        <translation>Bewahrt eine Kopie im Schlüsselbund Ihres Betriebssystems auf, wo nur Sie sie lesen können.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Saving to the system keychain…</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert …</translation>
    </message>
    <message>
        <source>The key was not saved: %1 Copy it now instead; it will not be shown again.</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1 Kopieren Sie ihn stattdessen jetzt; er wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>%1 is ready</source>
        <translation>%1 ist bereit</translation>
    </message>
</context>
<context>
    <name>knotie::SecretStore</name>
    <message>
        <source>The system keychain did not answer. Your secret was not saved.</source>
        <translation>Der Systemschlüsselbund hat nicht geantwortet. Ihr Geheimnis wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1).</source>
        <translation>Der Systemschlüsselbund ist nicht verfügbar (%1).</translation>
    </message>
</context>
<context>
    <name>knotie::Session</name>
    <message>
        <source>%1 You stay signed in until you quit; next time you will be asked to sign in again.</source>
        <translation>%1 Sie bleiben angemeldet, bis Sie das Portal beenden; beim nächsten Mal müssen Sie sich erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>knotie::SessionsPanel</name>
    <message>
        <source>Knotie Partner Portal %1</source>
        <translation>Knotie Partnerportal %1</translation>
    </message>
    <message>
        <source>Unknown program</source>
        <translation>Unbekanntes Programm</translation>
    </message>
    <message>
        <source>&amp;Sign Out Session</source>
        <translation>Sitzung &amp;abmelden</translation>
    </message>
    <message>
        <source>Sign Out &amp;All Other Sessions</source>
        <translation>A&amp;lle anderen Sitzungen abmelden</translation>
    </message>
    <message>
        <source>Where you are signed in</source>
        <translation>Wo Sie angemeldet sind</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Loading your sessions…</source>
        <translation>Ihre Sitzungen werden geladen…</translation>
    </message>
    <message>
        <source>Your sessions could not be loaded: %1</source>
        <translation>Ihre Sitzungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 — this session</source>
        <translation>%1 — diese Sitzung</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Signed in %1; ends %2 unless signed out</source>
        <translation>Angemeldet %1; endet %2, falls nicht vorher abgemeldet</translation>
    </message>
    <message>
        <source>Pick another session. This one ends with Sign Out.</source>
        <translation>Wählen Sie eine andere Sitzung. Diese endet mit Abmelden.</translation>
    </message>
    <message>
        <source>The session could not be signed out: %1</source>
        <translation>Die Sitzung konnte nicht abgemeldet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other session(s) signed out; the rest could not be: %1</source>
        <translation>
            <numerusform>%n andere Sitzung abgemeldet; die übrigen nicht: %1</numerusform>
            <numerusform>%n andere Sitzungen abgemeldet; die übrigen nicht: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::ShortcutsOverlay</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>knotie::SignInDialog</name>
    <message>
        <source>Sign in to your partner account</source>
        <translation>Bei Ihrem Partnerkonto anmelden</translation>
    </message>
    <message>
        <source>https://gateway.example.com</source>
        <translation>https://gateway.example.com</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>Gateway-Adresse</translation>
    </message>
    <message>
        <source>you@agency.com</source>
        <translation>sie@agentur.de</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet &amp;bleiben</translation>
    </message>
    <message>
        <source>Keeps your session in the system keychain for 30 days.</source>
        <translation>Bewahrt Ihre Sitzung 30 Tage lang im Systemschlüsselbund auf.</translation>
    </message>
    <message>
        <source>&amp;Gateway:</source>
        <translation>&amp;Gateway:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Enter the gateway address, for example https://gateway.example.com.</source>
        <translation>Geben Sie die Gateway-Adresse ein, zum Beispiel https://gateway.example.com.</translation>
    </message>
    <message>
        <source>Enter the email address you were invited with.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, mit der Sie eingeladen wurden.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>knotie::SignInFlow</name>
    <message>
        <source>Enter the gateway address, for example https://gateway.example.com or 127.0.0.1:8787.</source>
        <translation>Geben Sie die Gateway-Adresse ein, zum Beispiel https://gateway.example.com oder 127.0.0.1:8787.</translation>
    </message>
</context>
<context>
    <name>knotie::Startup</name>
    <message>
        <source>The portal cannot start: part of it is missing or damaged. Install the Knotie Partner Portal again.</source>
        <translation>Das Portal kann nicht starten: Ein Teil davon fehlt oder ist beschädigt. Installieren Sie das Knotie Partnerportal erneut.</translation>
    </message>
</context>
<context>
    <name>knotie::SunsetPanel</name>
    <message>
        <source>&lt;p&gt;When a key expires within 30 days (a rotated key&apos;s grace period included), every answer the Platform API gives to it carries a &lt;code&gt;Sunset&lt;/code&gt; header (RFC 8594) with the moment the key stops working, as an HTTP date:&lt;/p&gt;&lt;p&gt;&lt;code&gt;Sunset: Fri, 01 Jan 2027 00:00:00 GMT&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The body does not change. Log the header or alert on it, and rotate the key (or change its expiry under API Keys → Change Limits) before that moment. A key without an expiry, or one further from it, gets no such header.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Läuft ein Schlüssel innerhalb von 30 Tagen ab (die Übergangszeit eines rotierten Schlüssels eingeschlossen), trägt jede Antwort der Platform API an ihn einen &lt;code&gt;Sunset&lt;/code&gt;-Header (RFC 8594) mit dem Zeitpunkt, an dem der Schlüssel aufhört zu funktionieren, als HTTP-Datum:&lt;/p&gt;&lt;p&gt;&lt;code&gt;Sunset: Fri, 01 Jan 2027 00:00:00 GMT&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Der Body ändert sich nicht. Protokollieren Sie den Header oder lassen Sie sich bei ihm warnen, und rotieren Sie den Schlüssel (oder ändern Sie seinen Ablauf unter API-Schlüssel → Limits ändern) vor diesem Zeitpunkt. Ein Schlüssel ohne Ablauf oder mit späterem Ablauf bekommt keinen solchen Header.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sunset example: %1</source>
        <translation>Sunset-Beispiel: %1</translation>
    </message>
</context>
<context>
    <name>knotie::SyncWorker</name>
    <message>
        <source>The local copy of your data could not be written.</source>
        <translation>Die lokale Kopie Ihrer Daten konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>knotie::TeamModel</name>
    <message>
        <source>Owner</source>
        <translation>Inhaber/in</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
</context>
<context>
    <name>knotie::TeamPage</name>
    <message>
        <source>Settings (API keys, team)</source>
        <translation>Einstellungen (API-Schlüssel, Team)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Manage team</source>
        <translation>Team verwalten</translation>
    </message>
    <message>
        <source>A Member &amp;Leaves…</source>
        <translation>Ein Mitglied &amp;geht…</translation>
    </message>
    <message>
        <source>Team members and their permissions</source>
        <translation>Teammitglieder und ihre Berechtigungen</translation>
    </message>
    <message>
        <source>Rotate or revoke every key a departing member created</source>
        <translation>Jeden Schlüssel eines ausscheidenden Mitglieds rotieren oder widerrufen</translation>
    </message>
    <message>
        <source>Only the account owner can change permissions.</source>
        <translation>Nur der Kontoinhaber kann Berechtigungen ändern.</translation>
    </message>
    <message>
        <source>Saved: %1&apos;s permissions apply now.</source>
        <translation>Gespeichert: Die Berechtigungen von %1 gelten ab sofort.</translation>
    </message>
    <message>
        <source>Could not change %1&apos;s permissions: %2</source>
        <translation>Die Berechtigungen von %1 konnten nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Grant Settings to %1?</source>
        <translation>%1 die Einstellungen freigeben?</translation>
    </message>
    <message>
        <source>%1 will be able to create keys of every type, Partner keys with full account access included, and to rotate and revoke anyone&apos;s keys, yours too.</source>
        <translation>%1 kann dann Schlüssel jedes Typs erstellen, auch Partner-Schlüssel mit vollem Kontozugriff, und die Schlüssel aller anderen rotieren und widerrufen, auch Ihre.</translation>
    </message>
    <message>
        <source>&amp;Grant Settings</source>
        <translation>Einstellungen &amp;freigeben</translation>
    </message>
    <message>
        <source>Remove from Team</source>
        <translation>Aus dem Team entfernen</translation>
    </message>
    <message>
        <source>Tick a box to grant a permission, untick it to take it away: the change applies at once. Owners and admins have every permission. Right-click a person to change their role or remove them.</source>
        <translation>Setzen Sie ein Häkchen, um eine Berechtigung zu erteilen, entfernen Sie es, um sie zu entziehen: Die Änderung gilt sofort. Inhaber und Admins haben alle Berechtigungen. Mit einem Rechtsklick auf eine Person ändern Sie ihre Rolle oder entfernen sie.</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;Admin: every permission but the team</source>
        <translation>&amp;Admin: alle Berechtigungen außer dem Team</translation>
    </message>
    <message>
        <source>&amp;Member: only the permissions ticked</source>
        <translation>&amp;Mitglied: nur die angehakten Berechtigungen</translation>
    </message>
    <message>
        <source>Remove from &amp;Team…</source>
        <translation>Aus dem &amp;Team entfernen…</translation>
    </message>
    <message>
        <source>Make %1 an admin?</source>
        <translation>%1 zum Admin machen?</translation>
    </message>
    <message>
        <source>Make %1 a member?</source>
        <translation>%1 zum Mitglied machen?</translation>
    </message>
    <message>
        <source>%1 will have every permission but managing the team: create keys of every type, Partner keys with full account access included, rotate and revoke anyone&apos;s keys, yours too, and see Agent Analytics and Customers.</source>
        <translation>%1 erhält alle Berechtigungen außer der Teamverwaltung: Schlüssel jedes Typs erstellen, auch Partner-Schlüssel mit vollem Kontozugriff, die Schlüssel aller rotieren und widerrufen, auch Ihre, und Agent Analytics und Kunden sehen.</translation>
    </message>
    <message>
        <source>%1 will keep no permissions: tick the boxes afterwards to grant the ones they need. Their keys keep working.</source>
        <translation>%1 behält keine Berechtigungen: Setzen Sie danach Häkchen für das, was gebraucht wird. Die Schlüssel funktionieren weiter.</translation>
    </message>
    <message>
        <source>Make &amp;Admin</source>
        <translation>Zum &amp;Admin machen</translation>
    </message>
    <message>
        <source>Make &amp;Member</source>
        <translation>Zum &amp;Mitglied machen</translation>
    </message>
    <message>
        <source>%1 is now an admin.</source>
        <translation>%1 ist jetzt Admin.</translation>
    </message>
    <message>
        <source>%1 is now a member.</source>
        <translation>%1 ist jetzt Mitglied.</translation>
    </message>
    <message>
        <source>Could not change %1&apos;s role: %2</source>
        <translation>Die Rolle von %1 konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Remove %1 from the team?</source>
        <translation>%1 aus dem Team entfernen?</translation>
    </message>
    <message>
        <source>Their sessions end at once and they cannot sign in again. They hold no keys that still work; the audit log keeps their name.</source>
        <translation>Die Sitzungen enden sofort, und eine erneute Anmeldung ist nicht möglich. Es gibt keine funktionierenden Schlüssel dieser Person; das Audit-Protokoll behält den Namen.</translation>
    </message>
    <message>
        <source>&amp;Remove from Team</source>
        <translation>Aus dem Team &amp;entfernen</translation>
    </message>
    <message>
        <source>%1 was removed from the team; their sessions have ended.</source>
        <translation>%1 wurde aus dem Team entfernt; die Sitzungen sind beendet.</translation>
    </message>
    <message>
        <source>%1 is still in the team: %2</source>
        <translation>%1 ist noch im Team: %2</translation>
    </message>
</context>
<context>
    <name>knotie::TestKeyDialog</name>
    <message>
        <source>Test a Key</source>
        <translation>Schlüssel testen</translation>
    </message>
</context>
<context>
    <name>knotie::TrafficChart</name>
    <message>
        <source>Requests per hour, last 24 hours and the 24 before</source>
        <translation>Anfragen pro Stunde, letzte 24 Stunden und die 24 davor</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>24 hours before</source>
        <translation>24 Stunden davor</translation>
    </message>
    <message>
        <source>Press Enter to open %1.</source>
        <translation>Drücken Sie die Eingabetaste, um %1 zu öffnen.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>knotie::UsageChartView</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Client errors (4xx)</source>
        <translation>Client-Fehler (4xx)</translation>
    </message>
    <message>
        <source>Server errors (5xx)</source>
        <translation>Server-Fehler (5xx)</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>Requests over time</source>
        <translation>Anfragen im Zeitverlauf</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: %2 requests, %3 OK, %4 client errors, %5 server errors, p95 latency %6</source>
        <translation>%1: %2 Anfragen, %3 OK, %4 Client-Fehler, %5 Server-Fehler, p95-Latenz %6</translation>
    </message>
    <message>
        <source>Partial (so far)</source>
        <translation>Unvollständig (bisher)</translation>
    </message>
    <message>
        <source>(partial: so far)</source>
        <translation>(unvollständig: bisher)</translation>
    </message>
    <message>
        <source>(partial: the range starts within it)</source>
        <translation>(unvollständig: der Zeitraum beginnt darin)</translation>
    </message>
</context>
<context>
    <name>knotie::UsageSeriesModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Client errors</source>
        <translation>Client-Fehler</translation>
    </message>
    <message>
        <source>Server errors</source>
        <translation>Server-Fehler</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>95. Perzentil</translation>
    </message>
</context>
<context>
    <name>knotie::UsageWarningDialog</name>
    <message>
        <source>Warn me at</source>
        <translation>Warnen bei</translation>
    </message>
    <message>
        <source>Usage Warning</source>
        <translation>Nutzungswarnung</translation>
    </message>
    <message>
        <source>Get a desktop notification when %1 comes close to its limit. Each warning is shown at most once a day.</source>
        <translation>Erhalten Sie eine Desktop-Benachrichtigung, wenn %1 an seine Grenze kommt. Jede Warnung erscheint höchstens einmal am Tag.</translation>
    </message>
    <message>
        <source> % of its rate limit</source>
        <translation> % seines Anfragelimits</translation>
    </message>
    <message>
        <source>Its limit: %1 requests per %2 seconds</source>
        <translation>Sein Limit: %1 Anfragen pro %2 Sekunden</translation>
    </message>
    <message>
        <source>This key has no rate limit of its own.</source>
        <translation>Dieser Schlüssel hat kein eigenes Anfragelimit.</translation>
    </message>
    <message>
        <source> requests per day</source>
        <translation> Anfragen pro Tag</translation>
    </message>
    <message>
        <source>Kept on this computer. Days are UTC days, as in Agent Analytics.</source>
        <translation>Wird auf diesem Computer gespeichert. Tage sind UTC-Tage, wie in Agent Analytics.</translation>
    </message>
    <message>
        <source>at %1 % of its rate limit</source>
        <translation>bei %1 % seines Anfragelimits</translation>
    </message>
    <message>
        <source>at %1 requests per day</source>
        <translation>bei %1 Anfragen pro Tag</translation>
    </message>
    <message>
        <source>No usage warning for “%1”.</source>
        <translation>Keine Nutzungswarnung für „%1“.</translation>
    </message>
    <message>
        <source>You will be warned about “%1” %2.</source>
        <translation>Sie werden zu „%1“ %2 gewarnt.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
</context>
</TS>
