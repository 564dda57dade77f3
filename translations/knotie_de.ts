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
        <source>You don&apos;t have access to usage analytics. Ask %1 to grant analytics access.</source>
        <translation>Sie haben keinen Zugriff auf die Nutzungsanalyse. Bitten Sie %1, Ihnen Zugriff auf die Analyse zu geben.</translation>
    </message>
    <message>
        <source>You don&apos;t have access to customers. Ask %1 to grant access.</source>
        <translation>Sie haben keinen Zugriff auf Kunden. Bitten Sie %1, Ihnen Zugriff zu geben.</translation>
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
        <source>Cannot update the local copy of your data to version %1: %2</source>
        <translation>Die lokale Kopie Ihrer Daten kann nicht auf Version %1 gebracht werden: %2</translation>
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
        <source>Read-Only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Can only fetch data (GET requests); cannot modify any resources.</source>
        <translation>Kann nur Daten abrufen (GET-Anfragen); kann nichts verändern.</translation>
    </message>
    <message>
        <source>Safe for analytics dashboards.</source>
        <translation>Sicher für Analyse-Dashboards.</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
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
        <source>Customer</source>
        <translation>Kunde</translation>
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
        <source>Partner</source>
        <translation>Partner</translation>
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
        <source>Analytics</source>
        <translation>Analyse</translation>
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
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
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
        <source>Copied the key id %1.</source>
        <translation>Schlüssel-ID %1 kopiert.</translation>
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
        <source>Search keys</source>
        <translation>Schlüssel durchsuchen</translation>
    </message>
    <message>
        <source>Search name, description, prefix, customer or creator</source>
        <translation>Name, Beschreibung, Präfix, Kunde oder Ersteller suchen</translation>
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
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 von %n Schlüssel</numerusform>
            <numerusform>%1 von %n Schlüsseln</numerusform>
        </translation>
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
    <name>knotie::ConnectionState</name>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Up to date (synced at %1)</source>
        <translation>Aktuell (synchronisiert um %1)</translation>
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
    <name>knotie::EditKeyDialog</name>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
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
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
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
        <source>“%1” was not changed: %2</source>
        <translation>„%1“ wurde nicht geändert: %2</translation>
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
        <source>History of “%1”</source>
        <translation>Verlauf von „%1“</translation>
    </message>
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
    <name>knotie::KeyService</name>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
</context>
<context>
    <name>knotie::KeyTableDelegate</name>
    <message>
        <source>Expiring %1, replaced by “%2”</source>
        <translation>Läuft ab %1, ersetzt durch „%2“</translation>
    </message>
    <message>
        <source>Expiring %1</source>
        <translation>Läuft ab %1</translation>
    </message>
    <message>
        <source>Expires soon (%1)</source>
        <translation>Läuft bald ab (%1)</translation>
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
</context>
<context>
    <name>knotie::MainWindow</name>
    <message>
        <source>%1 — Knotie Partner Portal</source>
        <translation>%1 — Knotie Partnerportal</translation>
    </message>
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
</context>
<context>
    <name>knotie::MemberLeavesDialog</name>
    <message>
        <source>A Team Member Leaves</source>
        <translation>Ein Teammitglied geht</translation>
    </message>
    <message>
        <source>When someone leaves your team, the keys they created should stop being theirs: rotate them (new secrets, shown once, for whoever takes over) or revoke them.</source>
        <translation>Wenn jemand Ihr Team verlässt, sollen die Schlüssel, die diese Person erstellt hat, nicht mehr ihr gehören: Rotieren Sie sie (neue Geheimnisse, einmal angezeigt, für die Nachfolge) oder widerrufen Sie sie.</translation>
    </message>
    <message>
        <source>Team member who leaves</source>
        <translation>Teammitglied, das geht</translation>
    </message>
    <message>
        <source>Keys this member created</source>
        <translation>Von diesem Mitglied erstellte Schlüssel</translation>
    </message>
    <message>
        <source>R&amp;otate every key</source>
        <translation>Jeden Schlüssel r&amp;otieren</translation>
    </message>
    <message>
        <source>Re&amp;voke every key</source>
        <translation>Jeden Schlüssel &amp;widerrufen</translation>
    </message>
    <message>
        <source>The old keys stop working</source>
        <translation>Die alten Schlüssel funktionieren nicht mehr</translation>
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
        <source>— the old keys stop working</source>
        <translation>– die alten Schlüssel funktionieren nicht mehr</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>Keys they created that still work:</source>
        <translation>Von ihm erstellte Schlüssel, die noch funktionieren:</translation>
    </message>
    <message>
        <source>Pick a member.</source>
        <translation>Wählen Sie ein Mitglied.</translation>
    </message>
    <message>
        <source>They created no keys that still work.</source>
        <translation>Es gibt keine von diesem Mitglied erstellten Schlüssel, die noch funktionieren.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Rotate %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;rotieren</numerusform>
            <numerusform>%n Schlüssel &amp;rotieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Key(s)</source>
        <translation>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
            <numerusform>%n Schlüssel &amp;widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Working… %1 of %2</source>
        <translation>In Arbeit… %1 von %2</translation>
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
</context>
<context>
    <name>knotie::RevokeKeyDialog</name>
    <message>
        <source>Revoke “%1”?</source>
        <translation>„%1“ widerrufen?</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n Keys?</source>
        <translation>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
            <numerusform>%n Schlüssel widerrufen?</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” (%2) stops working at once: every request that uses it is refused from now on. This cannot be undone.</source>
        <translation>„%1“ (%2) funktioniert sofort nicht mehr: Jede Anfrage damit wird ab jetzt abgelehnt. Das lässt sich nicht rückgängig machen.</translation>
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
</context>
<context>
    <name>knotie::RotateKeyDialog</name>
    <message>
        <source>Rotate “%1”</source>
        <translation>„%1“ rotieren</translation>
    </message>
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
        <source>“%1” is ready</source>
        <translation>„%1“ ist bereit</translation>
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
    <name>knotie::SignInDialog</name>
    <message>
        <source>Sign in — Knotie Partner Portal</source>
        <translation>Anmelden — Knotie Partnerportal</translation>
    </message>
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
</context>
<context>
    <name>knotie::SignInFlow</name>
    <message>
        <source>Enter the gateway address, for example https://gateway.example.com or 127.0.0.1:8787.</source>
        <translation>Geben Sie die Gateway-Adresse ein, zum Beispiel https://gateway.example.com oder 127.0.0.1:8787.</translation>
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
        <source>Analytics</source>
        <translation>Analysen</translation>
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
        <source>Tick a box to grant a permission, untick it to take it away: the change applies at once. Owners and admins have every permission.</source>
        <translation>Setzen Sie ein Häkchen, um eine Berechtigung zu erteilen, entfernen Sie es, um sie zu entziehen: Die Änderung gilt sofort. Inhaber und Admins haben alle Berechtigungen.</translation>
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
</TS>
