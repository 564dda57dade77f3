#include "ui/analytics/errorcodestab.h"

#include "models/analytics/usageservice.h"
#include "models/callers/errorexplanations.h"
#include "models/network/gatewayjob.h"

#include <QHeaderView>
#include <QLocale>

namespace knotie {

ErrorCodesTab::ErrorCodesTab(QWidget *parent)
    : QTreeWidget(parent) {
    setObjectName(QStringLiteral("analyticsErrorCodes"));
    setAccessibleName(tr("Errors by status and code"));
    setHeaderLabels({tr("Status"), tr("Code"), tr("Requests"), tr("What it means")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

void ErrorCodesTab::load(UsageService *usage, const UsageQuery &query) {
    if (!usage)
        return;
    UsageOperation *operation = usage->loadErrors(query);
    m_operation = operation;
    if (topLevelItemCount() == 0)
        showNote(tr("Loading errors…"));
    connect(operation, &UsageOperation::finished, this, [this, operation](const UsageResult &result) {
        if (m_operation != operation)
            return; // a newer range or filter replaced this load
        clear();
        if (result.failure) {
            showNote(describeFailure(*result.failure, {}));
        } else if (result.errors.isEmpty()) {
            showNote(tr("No errors in this range."));
        } else {
            const QLocale locale;
            for (const UsageErrorCount &e : result.errors) {
                const ErrorExplanation why = ErrorExplanations::explain(e.status, e.code, {});
                auto *item = new QTreeWidgetItem(
                    this, {QString::number(e.status), e.code, locale.toString(e.requests), why.meaning});
                item->setTextAlignment(Requests, Qt::AlignRight | Qt::AlignVCenter);
                item->setToolTip(Meaning, why.meaning + QLatin1Char('\n') + why.fix);
            }
        }
        Q_EMIT loaded();
    });
}

void ErrorCodesTab::showNote(const QString &note) {
    clear();
    auto *item = new QTreeWidgetItem(this, {note});
    setFirstColumnSpanned(0, QModelIndex(), true);
    item->setToolTip(0, note);
}

} // namespace knotie
