#pragma once

#include "models/items/keyfilter.h"

#include "models/data/apikey.h"

#include <QList>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <optional>

namespace knotie {

class KeySearchText;
class KeyTableModel;

// Filters and sorts the key table. Both read the keys' typed fields straight from the
// KeyTableModel: the default QVariant path costs 8–10× on 100,000 rows (STYLE.md).
// Revoked and expired keys are hidden unless asked for.
class KeyFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit KeyFilterProxy(QObject *parent = nullptr);

    void setKeyModel(KeyTableModel *model);
    KeyTableModel *keyModel() const { return m_keys; }

    // Matches name, description, the key as shown (prefix…last 4), customer name and
    // creator, ignoring case. A whole secret searches for its prefix and last 4.
    void setText(const QString &text);
    // Whether the text to search is prepared (in the background, after the keys change).
    bool isSearchReady() const;
    void setTypes(const QSet<KeyType> &types); // empty: every type
    void setShowRetired(bool show);
    // One of the Overview's key-health conditions (expiring soon, unused, no expiry).
    void setCondition(KeyFilter::Condition condition);
    void setCustomer(const QString &customerId); // empty: any
    void setCreator(const QString &userId);      // empty: anyone
    // One status only; asking for revoked or expired shows them even while retired keys are hidden.
    void setStatus(std::optional<KeyStatus> status); // none: any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    bool matchesText(int sourceRow) const;
    // Drops what was worked out from the keys: their data changed.
    void forgetDerived();
    void forgetSearchText();

    // Each source row's place in the order of one column, worked out once per column and
    // data change: a keystroke re-sorts the rows it keeps by comparing two integers.
    mutable QList<int> m_rank;
    mutable int m_rankColumn = -1;

    KeySearchText *m_searchText = nullptr;
    QStringMatcher m_matcher; // the folded search text
    // Per source row, whether it matched the search text so far: unknown, no or yes.
    // While the text only grows, a row that did not match cannot match again, so each
    // keystroke searches only the rows still in the running.
    enum class Match : quint8 { Unknown, No, Yes };
    mutable QList<Match> m_matched;

    KeyTableModel *m_keys = nullptr;
    QString m_text;
    QSet<KeyType> m_types;
    bool m_showRetired = false;
    KeyFilter::Condition m_condition = KeyFilter::Condition::None;
    QString m_customer;
    QString m_creator;
    std::optional<KeyStatus> m_status;
};

} // namespace knotie
