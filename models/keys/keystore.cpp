#include "models/keys/keystore.h"

#include <QHashFunctions>

namespace knotie {

int KeyStore::indexOf(const QString &keyId) const {
    if (m_slots.empty())
        return -1;
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    for (qsizetype slot = firstSlot(keyId);; slot = (slot + 1) & mask) {
        const int row = m_slots[size_t(slot)];
        if (row < 0 || m_keys.at(row).id == keyId)
            return row;
    }
}

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
            m_keys.append(std::move(key));
            indexRow(size() - 1);
        }
        Q_EMIT this->added(first, last);
        changed = true;
    }
    if (changed)
        Q_EMIT keysChanged();
}

void KeyStore::reindex() {
    qsizetype slots = 16;
    while (slots < 2 * m_keys.size())
        slots *= 2;
    m_slots.assign(size_t(slots), -1);
    for (int row = 0; row < m_keys.size(); ++row)
        indexRow(row);
}

// Reads m_keys through at(): the list usually arrives still shared with the queued signal
// that carried it from the data thread, and a non-const [] would copy all of it.
void KeyStore::indexRow(int row) {
    if (2 * m_keys.size() > qsizetype(m_slots.size())) {
        reindex(); // indexes this row too
        return;
    }
    const QString &id = m_keys.at(row).id;
    const qsizetype mask = qsizetype(m_slots.size()) - 1;
    qsizetype slot = firstSlot(id);
    // A second key with an id already held takes its place, as the last one given wins.
    while (m_slots[size_t(slot)] >= 0 && m_keys.at(m_slots[size_t(slot)]).id != id)
        slot = (slot + 1) & mask;
    m_slots[size_t(slot)] = row;
}

qsizetype KeyStore::firstSlot(const QString &keyId) const {
    // The process's seed, as QHash uses: ids come from the gateway, and a fixed seed would
    // let ids chosen to collide turn every lookup into a walk of the whole table.
    return qsizetype(qHash(keyId, QHashSeed::globalSeed()) & (m_slots.size() - 1));
}

} // namespace knotie
