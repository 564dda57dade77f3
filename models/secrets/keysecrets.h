#pragma once

#include "models/data/apikey.h"
#include "models/secrets/secretstore.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace knotie {

class KeyStore;
class Session;

// The key secrets a person saved to the system keychain, as entries people can find: each
// one's label names the key, its last 4 and the partner ("Knotie — N8N Production
// (kn_pk_…jC2d) — Demo Agency"), so a keychain manager lists it by what it is. The portal
// remembers which keys have an entry and under which label (in the settings, per gateway
// and account: names only, never a secret), so the key table can mark them and copy one
// back. An entry goes when its key is revoked or expires: a dead secret is no use to keep.
// Every keychain call is a SecretStore job: nothing here waits on the keychain.
class KeySecrets : public QObject {
    Q_OBJECT
public:
    // Without a store (no keychain) nothing is saved and nothing is marked.
    KeySecrets(SecretStore *store, Session *session, KeyStore *keys, QObject *parent = nullptr);

    bool isAvailable() const { return m_store != nullptr; }
    static QString label(const ApiKey &key, const QString &partnerName);
    // Whether a secret of this key was saved (as far as the portal knows).
    bool has(const QString &keyId) const;
    // The saved keys' ids and their entries' labels.
    QHash<QString, QString> saved() const;

    // `done` runs once, on this thread, unless `context` is gone by then.
    void save(const ApiKey &key, const QByteArray &secret, QObject *context, SecretStore::Callback done);
    // An empty value: the entry is gone (removed in a keychain manager); the mark goes too.
    void read(const QString &keyId, QObject *context, SecretStore::Callback done);

Q_SIGNALS:
    // The set of saved keys changed (one saved, one removed, or another person signed in).
    void changed();

private:
    void removeRetired();
    void forget(const QString &keyId);
    QString settingsGroup() const;
    SecretStore::Entry entryOf(const QString &keyId, const QString &label) const;
    QHash<QString, QString> &index() const;

    SecretStore *m_store;
    Session *m_session;
    KeyStore *m_keys;
    mutable QString m_indexGroup; // the settings group m_index was read from
    mutable QHash<QString, QString> m_index;
    QSet<QString> m_removing;
};

} // namespace knotie
