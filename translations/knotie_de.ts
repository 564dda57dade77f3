<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Access</name>
    <message>
        <source>the account owner</source>
        <translation>die Kontoinhaberin oder den Kontoinhaber</translation>
    </message>
    <message>
        <source>You don't have access to API keys. Ask %1 to grant settings access.</source>
        <translation>Sie haben keinen Zugriff auf API-Schlüssel. Bitten Sie %1, Ihnen Zugriff auf die Einstellungen zu geben.</translation>
    </message>
    <message>
        <source>You don't have access to the team settings. Ask %1 to grant settings access.</source>
        <translation>Sie haben keinen Zugriff auf die Team-Einstellungen. Bitten Sie %1, Ihnen Zugriff auf die Einstellungen zu geben.</translation>
    </message>
    <message>
        <source>You don't have access to usage analytics. Ask %1 to grant analytics access.</source>
        <translation>Sie haben keinen Zugriff auf die Nutzungsanalyse. Bitten Sie %1, Ihnen Zugriff auf die Analyse zu geben.</translation>
    </message>
    <message>
        <source>You don't have access to customers. Ask %1 to grant access.</source>
        <translation>Sie haben keinen Zugriff auf Kunden. Bitten Sie %1, Ihnen Zugriff zu geben.</translation>
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
        <source>The gateway's certificate is not trusted, so nothing was sent to %1.</source>
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
        <source>The server at %1 did not answer like a Knotie gateway. Check the address.</source>
        <translation>Der Server unter %1 hat nicht wie ein Knotie-Gateway geantwortet. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>Wrong email or password.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this email. Wait a few minutes, then try again.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen für diese E-Mail-Adresse. Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You do not have permission for this. Ask the account owner to grant access.</source>
        <translation>Dafür fehlt Ihnen die Berechtigung. Bitten Sie die Kontoinhaberin oder den Kontoinhaber um Zugriff.</translation>
    </message>
    <message>
        <source>The gateway refused the request (HTTP %1).</source>
        <translation>Das Gateway hat die Anfrage abgelehnt (HTTP %1).</translation>
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
    <name>knotie::MainWindow</name>
    <message>
        <source>Your account at a glance: key health, recent key activity and today's traffic.</source>
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
        <source>%1 — Knotie Partner Portal</source>
        <translation>%1 — Knotie Partnerportal</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Signed in to %1</source>
        <translation>Angemeldet bei %1</translation>
    </message>
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
</context>
<context>
    <name>knotie::PortalController</name>
    <message>
        <source>%1 You will be asked to sign in next time.</source>
        <translation>%1 Beim nächsten Start müssen Sie sich erneut anmelden.</translation>
    </message>
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
</TS>