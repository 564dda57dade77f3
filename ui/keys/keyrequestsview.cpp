#include "ui/keys/keyrequestsview.h"

#include "models/callers/errorexplanations.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace knotie {

KeyRequestsView::KeyRequestsView(GatewayConnection connection, ApiKey key, QWidget *parent)
    : QWidget(parent)
    , m_connection(std::move(connection))
    , m_key(std::move(key))
    , m_errorsOnly(new QCheckBox(tr("&Errors only"), this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_explanation(new QLabel(this)) {
    setObjectName(QStringLiteral("keyRequestsView"));
    m_errorsOnly->setObjectName(QStringLiteral("keyRequestsErrorsOnly"));
    m_status->setObjectName(QStringLiteral("keyRequestsStatus"));
    m_table->setObjectName(QStringLiteral("keyRequests"));
    m_table->setAccessibleName(tr("Latest requests"));
    m_explanation->setObjectName(QStringLiteral("keyRequestsExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model->setHorizontalHeaderLabels(
        {tr("Time"), tr("Method"), tr("Route"), tr("Status"), tr("Error code"), tr("Latency")});
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("keyRequestsRefresh"));
    connect(refresh, &QPushButton::clicked, this, &KeyRequestsView::reload);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &KeyRequestsView::showRows);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &KeyRequestsView::explainCurrent);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_status, 1);
    bar->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_explanation);
    reload();
}

void KeyRequestsView::setKey(const ApiKey &key) {
    const bool other = key.id != m_key.id;
    m_key = key;
    if (other)
        reload();
}

void KeyRequestsView::reload() {
    if (m_job)
        m_job->abort();
    auto *job = new KeyRequestsJob(m_connection, m_key.id, requestLimit, this);
    job->setAutoDelete(true);
    m_job = job;
    m_status->setText(tr("Loading the latest requests…"));
    connect(job, &GatewayJob::finished, this, [this, job](const GatewayResult &result) {
        if (m_job != job)
            return; // a newer load replaced this one
        m_job = nullptr;
        if (result.ok()) {
            m_requests = job->requests();
            showRows();
        } else {
            m_status->setText(describeFailure(result, m_connection.baseUrl, {}, Page::ApiKeys));
        }
        Q_EMIT loaded();
    });
    job->start();
}

void KeyRequestsView::showRows() {
    const bool errorsOnly = m_errorsOnly->isChecked();
    m_shown.clear();
    qsizetype failed = 0;
    for (const KeyRequest &r : std::as_const(m_requests)) {
        failed += r.status >= 400 ? 1 : 0;
        if (!errorsOnly || r.status >= 400)
            m_shown.append(r);
    }
    m_model->removeRows(0, m_model->rowCount());
    const QLocale locale;
    for (const KeyRequest &r : std::as_const(m_shown)) {
        const ErrorExplanation why =
            ErrorExplanations::explain(r.status, r.errorCode, {m_key, r.method, r.route});
        QList<QStandardItem *> row{
            new QStandardItem(locale.toString(QDateTime::fromSecsSinceEpoch(r.at), QLocale::ShortFormat)),
            new QStandardItem(r.method),
            new QStandardItem(r.route),
            new QStandardItem(QString::number(r.status)),
            new QStandardItem(r.errorCode),
            new QStandardItem(tr("%1 ms").arg(locale.toString(r.latencyMs, 'f', 1)))};
        for (QStandardItem *item : row)
            item->setToolTip(r.status >= 400 ? why.meaning : QString());
        m_model->appendRow(row);
    }
    m_table->resizeColumnsToContents();
    m_status->setText(
        m_requests.isEmpty()
            ? tr("No requests made with this key are kept yet.")
            : tr("%1 of the latest %n request(s) failed.", nullptr, int(m_requests.size())).arg(failed));
    // The newest failure is what the person came for: explained at once.
    for (qsizetype i = 0; i < m_shown.size(); ++i)
        if (m_shown.at(i).status >= 400) {
            m_table->selectRow(int(i));
            break;
        }
    explainCurrent();
}

void KeyRequestsView::explainCurrent() {
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_shown.size() || m_shown.at(row).status < 400) {
        m_explanation->setText(m_shown.isEmpty() ? QString()
                                                 : tr("Select a failed request to see why it failed."));
        return;
    }
    const KeyRequest &r = m_shown.at(row);
    const ErrorExplanation why =
        ErrorExplanations::explain(r.status, r.errorCode, {m_key, r.method, r.route});
    m_explanation->setText(
        tr("%1 %2: %3\nFix: %4").arg(QString::number(r.status), r.errorCode, why.meaning, why.fix));
}

} // namespace knotie
