#pragma once

#include "models/data/apikey.h"

#include <QList>
#include <QObject>

#include <vector>

namespace knotie {

// The keys the portal knows, held once: fed by the sync (the cache's keys, then every
// sync page and every key action's answer) and read by the pages for facts (counts,
// creators, a key by id). It says what changed in domain terms, as KeePassXC's Database
// does for its EntryModel; the KeyTableModel turns that into a view's rows without a
// copy of its own. Keys keep their place; new ones are appended.
class KeyStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    const QList<ApiKey> &keys() const { return m_keys; }
    int size() const { return int(m_keys.size()); }
    const ApiKey &at(int index) const { return m_keys.at(index); }
    // -1 for a key the store does not hold.
    int indexOf(const QString &keyId) const;
    const ApiKey *find(const QString &keyId) const;

    // Every key at once (the cache's; none on sign-out).
    void setKeys(QList<knotie::ApiKey> keys);
    // Changed keys are updated where they are, unknown ones appended in one go.
    void upsertKeys(const QList<knotie::ApiKey> &keys);

Q_SIGNALS:
    // The whole set is replaced.
    void aboutToReset();
    void reset();
    // Keys [first, last] are appended.
    void aboutToAdd(int first, int last);
    void added(int first, int last);
    // The key at `index` changed in place.
    void keyChanged(int index);
    // After any of the above, once per setKeys or upsertKeys that changed something.
    void keysChanged();

private:
    void reindex();
    void indexRow(int row);
    qsizetype firstSlot(const QString &keyId) const;

    QList<ApiKey> m_keys;
    // Where each key is by its id: row numbers (-1 for none) in an open table, a power of two
    // at least twice the keys, probed from the id's hash onwards; the ids are read from
    // m_keys. A QHash<QString, int> took 42 bytes a key for its copy of each id; this takes
    // 8 to 16.
    std::vector<int> m_slots;
};

} // namespace knotie
