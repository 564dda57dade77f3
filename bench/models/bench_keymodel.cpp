// Loading 100,000 keys from the cache into the key model, beside a bare QSqlQuery loop
// over the same rows and columns.
#include "bench/models/benchprint.h"
#include "models/cache/cache.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "tests/support/synthetickeys.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <numeric>
#include <vector>

using namespace knotie;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    constexpr int keyCount = 100000;
    QTemporaryDir dir;
    Cache cache(dir.filePath(QStringLiteral("keys.sqlite")));
    if (cache.open().status != Cache::OpenStatus::Ok)
        return 1;
    QList<ApiKey> keys = test::syntheticKeys(keyCount, 1);
    if (!cache.storeKeys(keys))
        return 1;
    keys.clear();

    QList<double> loads, floors;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer t;
        t.start();
        {
            QSqlQuery q(cache.connection());
            q.setForwardOnly(true);
            q.exec(QStringLiteral("SELECT ") + Cache::keyColumns() +
                   QStringLiteral(" FROM keys ORDER BY created_at, id"));
            qint64 touched = 0;
            while (q.next())
                for (int c = 0; c < 20; ++c)
                    touched += q.value(c).isNull() ? 0 : 1;
            if (touched == 0)
                return 1;
        }
        floors.append(double(t.nsecsElapsed()) / 1e6);

        t.restart();
        KeyTableModel model;
        model.setKeys(cache.loadKeys());
        loads.append(double(t.nsecsElapsed()) / 1e6);
        if (model.rowCount() != keyCount)
            return 1;
    }
    bench::printBench("load_100k_keys_into_model", bench::median(loads), "ms", bench::median(floors),
                      "target<=1.5");

    // Sorting the table by name through the proxy, beside a plain stable sort of row
    // indices by the same comparison: the typed lessThan keeps the proxy near the floor.
    KeyTableModel model;
    model.setKeys(cache.loadKeys());
    QList<double> sorts, plain;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        std::vector<int> rows(size_t(model.rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
        std::stable_sort(rows.begin(), rows.end(), [&model](int a, int b) {
            return model.keyAt(a).name.compare(model.keyAt(b).name, Qt::CaseInsensitive) < 0;
        });
        plain.append(double(t.nsecsElapsed()) / 1e6);

        KeyFilterProxy proxy;
        proxy.setShowRetired(true);
        proxy.setKeyModel(&model);
        t.restart();
        proxy.sort(KeyTableModel::Name, run % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        sorts.append(double(t.nsecsElapsed()) / 1e6);
        if (proxy.rowCount() != keyCount)
            return 1;
    }
    bench::printBench("sort_100k_keys_by_name_in_proxy", bench::median(sorts), "ms", bench::median(plain),
                      "target<=2");
    return 0;
}
