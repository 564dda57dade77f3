<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorExplanations</name>
    <message numerus="yes">
        <source>%n per minute</source>
        <translation>
            <numerusform>%n per minute</numerusform>
            <numerusform>%n per minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n per hour</source>
        <translation>
            <numerusform>%n per hour</numerusform>
            <numerusform>%n per hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n per second</source>
        <translation>
            <numerusform>%n per second</numerusform>
            <numerusform>%n per second</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Too many failed sign-ins for this email. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins for this email. Try again in %n minute.</numerusform>
            <numerusform>Too many failed sign-ins for this email. Try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::AuditLogPage</name>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::CreateKeyDialog</name>
    <message numerus="yes">
        <source>%n other key(s) with this name: %1</source>
        <translation>
            <numerusform>%n other key with this name: %1</numerusform>
            <numerusform>%n other keys with this name: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyActions</name>
    <message numerus="yes">
        <source>R&amp;otate %n Keys…</source>
        <translation>
            <numerusform>R&amp;otate %n Key…</numerusform>
            <numerusform>R&amp;otate %n Keys…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Keys…</source>
        <translation>
            <numerusform>&amp;Revoke %n Key…</numerusform>
            <numerusform>&amp;Revoke %n Keys…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyBatch</name>
    <message numerus="yes">
        <source>%n key(s) rotated.</source>
        <translation>
            <numerusform>%n key rotated.</numerusform>
            <numerusform>%n keys rotated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) revoked.</source>
        <translation>
            <numerusform>%n key revoked.</numerusform>
            <numerusform>%n keys revoked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) handed over.</source>
        <translation>
            <numerusform>%n key handed over.</numerusform>
            <numerusform>%n keys handed over.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyFilterBar</name>
    <message numerus="yes">
        <source>%1 of %n key(s)</source>
        <translation>
            <numerusform>%1 of %n key</numerusform>
            <numerusform>%1 of %n keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyFlows</name>
    <message numerus="yes">
        <source>Exported %n key(s) to %1.</source>
        <translation>
            <numerusform>Exported %n key to %1.</numerusform>
            <numerusform>Exported %n keys to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the secret of “%1” from the system keychain. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied the secret of “%1” from the system keychain. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied the secret of “%1” from the system keychain. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyLimitsFields</name>
    <message numerus="yes">
        <source>requests per %n second(s)</source>
        <translation>
            <numerusform>requests per %n second</numerusform>
            <numerusform>requests per %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyRequestsView</name>
    <message numerus="yes">
        <source>%1 of the latest %n request(s) failed.</source>
        <translation>
            <numerusform>%1 of the latest request failed.</numerusform>
            <numerusform>%1 of the latest %n requests failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::KeyTableModel</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 per %n second(s)</source>
        <translation>
            <numerusform>%1 per %n second</numerusform>
            <numerusform>%1 per %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::OverviewPage</name>
    <message numerus="yes">
        <source>%1: %n key(s). Show them</source>
        <translation>
            <numerusform>%1: %n key. Show it</numerusform>
            <numerusform>%1: %n keys. Show them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::RevokeKeyDialog</name>
    <message numerus="yes">
        <source>Revoke %n Keys?</source>
        <translation>
            <numerusform>Revoke %n Key?</numerusform>
            <numerusform>Revoke %n Keys?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n keys stop working at once: every request that uses them is refused from now on. This cannot be undone.</source>
        <translation>
            <numerusform>This key stops working at once: every request that uses it is refused from now on. This cannot be undone.</numerusform>
            <numerusform>These %n keys stop working at once: every request that uses them is refused from now on. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %n Keys</source>
        <translation>
            <numerusform>&amp;Revoke %n Key</numerusform>
            <numerusform>&amp;Revoke %n Keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::RotateKeyDialog</name>
    <message numerus="yes">
        <source>Rotate %n Keys</source>
        <translation>
            <numerusform>Rotate %n Key</numerusform>
            <numerusform>Rotate %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Rotate %n Keys</source>
        <translation>
            <numerusform>&amp;Rotate %n Key</numerusform>
            <numerusform>&amp;Rotate %n Keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>In %n day</numerusform>
            <numerusform>In %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>knotie::SecretRevealDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
