#include "models/secrets/keysecrets.h"

#include "models/keys/keystore.h"
#include "models/logging.h"
#include "models/session/session.h"

#include <QCryptographicHash>
#include <QSettings>

namespace knotie {

namespace {
// Per gateway and account; hashed, so a settings group name is always valid.
const QString settingsPrefix = QStringLiteral("keychainEntries/");
} // namespace

KeySecrets::KeySecrets(SecretStore *store, Session *session, KeyStore *keys, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_session(session)
    , m_keys(keys) {
    // A key found revoked or expired, whether by a sync, a key action or the cache on start.
    connect(keys, &KeyStore::keysChanged, this, &KeySecrets::removeRetired);
    connect(session, &Session::accountChanged, this, &KeySecrets::changed);
}

QString KeySecrets::label(const ApiKey &key, const QString &partnerName) {
    return tr("Knotie — %1 (%2) — %3").arg(key.name, key.maskedSecret(), partnerName);
}

QString KeySecrets::settingsGroup() const {
    const QString scope =
        SecretStore::scopedKey(m_session->gateway(), m_session->account().user.email, QString());
    return settingsPrefix +
           QString::fromLatin1(QCryptographicHash::hash(scope.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QHash<QString, QString> &KeySecrets::index() const {
    const QString group = settingsGroup();
    if (group != m_indexGroup) {
        m_indexGroup = group;
        m_index.clear();
        QSettings settings;
        settings.beginGroup(group);
        for (const QString &keyId : settings.childKeys())
            m_index.insert(keyId, settings.value(keyId).toString());
    }
    return m_index;
}

bool KeySecrets::has(const QString &keyId) const {
    return m_store && index().contains(keyId);
}

QHash<QString, QString> KeySecrets::saved() const {
    return m_store ? index() : QHash<QString, QString>{};
}

SecretStore::Entry KeySecrets::entryOf(const QString &keyId, const QString &label) const {
    return {label, SecretStore::scopedKey(m_session->gateway(), m_session->account().user.email, keyId)};
}

void KeySecrets::save(const ApiKey &key, const QByteArray &secret, QObject *context,
                      SecretStore::Callback done) {
    if (!m_store)
        return done({false, {}, tr("There is no system keychain to save to.")});
    const QString entryLabel = label(key, m_session->account().partnerName);
    const QString group = settingsGroup();
    m_store->write(entryOf(key.id, entryLabel), secret, context,
                   [this, keyId = key.id, entryLabel, group, done](const SecretStore::Result &r) {
                       if (r.ok) {
                           QSettings().setValue(group + QLatin1Char('/') + keyId, entryLabel);
                           if (m_indexGroup == group)
                               m_index.insert(keyId, entryLabel);
                           Q_EMIT changed();
                       }
                       done(r);
                   });
}

void KeySecrets::read(const QString &keyId, QObject *context, SecretStore::Callback done) {
    if (!has(keyId))
        return done({true, {}, {}});
    m_store->read(entryOf(keyId, index().value(keyId)), context,
                  [this, keyId, done](const SecretStore::Result &r) {
                      if (r.ok && r.value.isEmpty())
                          forget(keyId); // removed in a keychain manager meanwhile
                      done(r);
                  });
}

void KeySecrets::forget(const QString &keyId) {
    QSettings().remove(settingsGroup() + QLatin1Char('/') + keyId);
    if (index().remove(keyId))
        Q_EMIT changed();
}

void KeySecrets::removeRetired() {
    if (!m_store || !m_session->isSignedIn())
        return;
    const QHash<QString, QString> entries = index();
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const ApiKey *key = m_keys->find(it.key());
        if (!key || !key->isRetired() || m_removing.contains(it.key()))
            continue;
        m_removing.insert(it.key());
        m_store->remove(
            entryOf(it.key(), it.value()), this, [this, keyId = it.key()](const SecretStore::Result &r) {
                m_removing.remove(keyId);
                if (r.ok)
                    forget(keyId);
                else
                    qCInfo(lcSecrets) << "could not remove the keychain entry of a retired key" << keyId;
            });
    }
}

} // namespace knotie
