#include "models/keys/keystore.h"

namespace knotie {

const ApiKey *KeyStore::find(const QString &keyId) const {
    const int index = indexOf(keyId);
    return index < 0 ? nullptr : &m_keys.at(index);
}

void KeyStore::setKeys(QList<ApiKey> keys) {
    Q_EMIT aboutToReset();
    m_keys = std::move(keys);
    reindex();
    Q_EMIT reset();
    Q_EMIT keysChanged();
}

void KeyStore::upsertKeys(const QList<ApiKey> &incoming) {
    QList<ApiKey> added;
    bool changed = false;
    for (const ApiKey &key : incoming) {
        const int at = indexOf(key.id);
        if (at < 0) {
            added.append(key);
            continue;
        }
        if (m_keys.at(at) == key)
            continue;
        m_keys[at] = key;
        changed = true;
        Q_EMIT keyChanged(at);
    }
    if (!added.isEmpty()) {
        const int first = size();
        const int last = first + int(added.size()) - 1;
        Q_EMIT aboutToAdd(first, last);
        for (ApiKey &key : added) {
            m_index.insert(key.id, size());
            m_keys.append(std::move(key));
        }
        Q_EMIT this->added(first, last);
        changed = true;
    }
    if (changed)
        Q_EMIT keysChanged();
}

void KeyStore::reindex() {
    m_index.clear();
    m_index.reserve(m_keys.size());
    // Read through at(): the list usually arrives still shared with the queued signal that
    // carried it from the data thread, and a non-const [] would copy all of it.
    for (int i = 0; i < m_keys.size(); ++i)
        m_index.insert(m_keys.at(i).id, i);
}

} // namespace knotie
