#pragma once

#include "models/cache/cache.h"

#include <QFile>

namespace knotie::test {

// Writes a cache file of 2,000 keys, then overwrites its pages 3 to 10 (of 4 KiB): page 1,
// the header and schema, stays readable, so the file opens and only a check that reads
// every page finds the damage.
inline bool writeCacheWithDamagedPages(const QString &path) {
    {
        Cache cache(path);
        if (cache.open().status != Cache::OpenStatus::Ok)
            return false;
        QList<ApiKey> keys;
        for (int i = 0; i < 2000; ++i) {
            ApiKey k;
            k.id = QStringLiteral("key_%1").arg(i);
            k.name = QStringLiteral("Key %1").arg(i);
            k.prefix = QStringLiteral("kn_pk_");
            k.last4 = QStringLiteral("Ab3d");
            k.createdAt = 1764000000 + i;
            keys.append(k);
        }
        if (!cache.storeKeys(keys))
            return false;
    } // the last connection closing folds the WAL into the file
    QFile f(path);
    if (QFile::exists(path + QStringLiteral("-wal")) || !f.open(QIODevice::ReadWrite) ||
        f.size() <= 10 * 4096)
        return false;
    return f.seek(2 * 4096) && f.write(QByteArray(8 * 4096, 'x')) == 8 * 4096;
}

} // namespace knotie::test
