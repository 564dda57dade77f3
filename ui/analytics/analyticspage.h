#pragma once

#include "models/analytics/usagereport.h"
#include "ui/pages/pagecontext.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace knotie {

class AttentionList;
class ErrorCodesTab;
class UsageChartView;

// Usage charts for people with analytics.view: requests over time for the whole account,
// a key (across its rotations), a key type or a customer, with the tables beside it and
// the keys that deserve attention.
class AnalyticsPage : public QWidget {
    Q_OBJECT
public:
    enum class RangeChoice { Day, Week, Month, Quarter, Custom };
    Q_ENUM(RangeChoice)

    AnalyticsPage(const PageContext &context, QWidget *parent = nullptr);
    ~AnalyticsPage() override;

    // Opens the page filtered to one key ("show usage" in the key table).
    void showKey(const QString &keyId);
    void setFilter(const UsageFilter &filter);
    void setRange(RangeChoice choice);
    // A custom range of whole UTC days, `last` included.
    void setCustomRange(const QDate &first, const QDate &last);

    UsageReport *report() const { return m_report; }
    UsageChartView *chart() const { return m_chart; }
    bool exportCsv(const QString &path) const;
    bool exportPng(const QString &path) const;
    // The chart in words, for screen readers (also the chart's accessible description).
    QString summary() const;

private:
    void reload();
    void reloadAttention();
    void refillFilter();
    void onSeriesLoaded();
    void onDetailsLoaded();
    void onAttentionLoaded();
    void onBucketClicked(UnixTime start, qint64 bucketSeconds);
    void updateStatus();
    void chooseExport(bool png);
    QList<ApiKey> keys() const;
    // The key's name, or (for a person who cannot list keys) its id.
    QString keyLabel(const QString &keyId) const;
    // The person may not list keys and the cache has no name for this one.
    bool nameHidden(const QString &keyId) const;
    QString keyNamesNote() const;
    QTreeWidgetItem *addKeyRow(QTreeWidget *table, const QString &keyId, const QStringList &figures,
                               int firstFigure = 1);
    QString customerName(const QString &customerId) const;
    // Which keys a key's figures add to its own, named; empty when none.
    QString rotationNote() const;
    UsageRange currentRange() const;

    PageContext m_context;
    Workspace *m_workspace;
    UsageReport *m_report;
    UsageChartView *m_chart;
    QComboBox *m_filter;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_exportCsv;
    QPushButton *m_exportPng;
    QLabel *m_status;
    QLabel *m_summary;
    QLabel *m_totals;
    QLabel *m_keyNamesNote; // why keys show by id, and whom to ask
    QTreeWidget *m_endpoints;
    QTreeWidget *m_topKeys;
    QTreeWidget *m_errorKeys;
    ErrorCodesTab *m_errorCodes;
    QTreeWidget *m_customers;
    AttentionList *m_attention;
    QString m_detailsError;
    QHash<QString, QString> m_keyLabels; // key id → "name (kn_pk_…Ab3d)"
    UnixTime m_attentionCheckedAt = 0;
    QTimer *m_keysChanged; // coalesces a sync's batches of keys into one reload
};

} // namespace knotie
