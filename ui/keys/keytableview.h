#pragma once

#include "models/data/apikey.h"

#include <QTableView>

namespace knotie {

class KeyFilterProxy;
class KeyTableModel;

// The key table as the API Keys page shows it: its cells drawn by the KeyTableDelegate,
// columns as keyColumns() describes them (default widths, a menu to hide them), the
// person's widths and order kept between sessions, and selection by key id that waits
// for keys not yet stored.
class KeyTableView : public QTableView {
    Q_OBJECT
public:
    KeyTableView(KeyTableModel *model, KeyFilterProxy *proxy, QWidget *parent = nullptr);

    QList<knotie::ApiKey> selectedKeys() const;
    // Selects these keys (by id), as a person would; keys not stored yet are selected
    // once they come (a new key arrives a moment after its secret).
    void selectKeys(const QStringList &keyIds);
    // Keys stored since: select the ones waited for.
    void selectPendingKeys();

    // False when no widths were remembered: then fitColumnsTo fits them when first shown.
    bool restoredLayout() const { return m_restored; }
    // The default widths fit the columns' usual contents; where `available` pixels are
    // fewer than their sum, the columns whose text elides well give way.
    void fitColumnsTo(int available);
    void saveLayout() const;

private:
    void showColumnMenu(const QPoint &at);

    KeyTableModel *m_model;
    KeyFilterProxy *m_proxy;
    QStringList m_pendingSelection;
    bool m_restored = false;
};

} // namespace knotie
