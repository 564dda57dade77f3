#include "ui/overview/trafficchart.h"

#include "ui/pages/pagecontext.h"
#include "ui/style/palette.h"
#include "ui/widgets/timeaxis.h"

#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>

#include <algorithm>

namespace knotie {

namespace {
// On the time axis, in milliseconds: the hour `i` after `start`.
QList<QPointF> points(const QList<qint64> &values, qint64 start) {
    QList<QPointF> result;
    result.reserve(values.size());
    for (int i = 0; i < values.size(); ++i)
        result.append(QPointF(double(start + i * 3600) * 1000.0, double(values.at(i))));
    return result;
}
} // namespace

TrafficChart::TrafficChart(QWidget *parent)
    // Built with its chart: QChartView(parent) makes an empty one that setChart() would
    // release without deleting.
    : QChartView(new QChart, parent)
    , m_last(new QLineSeries)
    , m_previous(new QLineSeries)
    , m_hours(new QDateTimeAxis) {
    setObjectName(QStringLiteral("trafficChart"));
    setAccessibleName(tr("Requests per hour, last 24 hours and the 24 before"));
    setAccessibleDescription(tr("Press Enter to open %1.").arg(pageTitle(Page::Analytics)));
    setToolTip(tr("Open %1").arg(pageTitle(Page::Analytics)));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);

    m_last->setName(tr("Last 24 hours"));
    m_previous->setName(tr("24 hours before"));
    QPen previousPen(themeColor(ColorRole::ChartPrevious));
    previousPen.setStyle(Qt::DashLine);
    previousPen.setWidthF(1.5);
    m_previous->setPen(previousPen);
    QPen lastPen(themeColor(ColorRole::ChartCurrent));
    lastPen.setWidthF(2);
    m_last->setPen(lastPen);

    QChart *chart = this->chart();
    chart->addSeries(m_previous);
    chart->addSeries(m_last);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    m_hours->setGridLineVisible(false);
    setTimeAxis(m_hours, 0, 24 * 3600, 3600, 7);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(3);
    chart->addAxis(m_hours, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : {m_previous, m_last}) {
        series->attachAxis(m_hours);
        series->attachAxis(y);
    }
}

void TrafficChart::setSeries(const QList<qint64> &last24, const QList<qint64> &previous24, qint64 lastStart) {
    m_last->replace(points(last24, lastStart));
    m_previous->replace(points(previous24, lastStart));
    setTimeAxis(m_hours, lastStart, lastStart + 23 * 3600, 3600, std::clamp(width() / 70, 3, 7));
    qint64 top = 0;
    for (const QList<qint64> *values : {&last24, &previous24})
        if (!values->isEmpty())
            top = std::max(top, *std::max_element(values->begin(), values->end()));
    auto *y = static_cast<QValueAxis *>(chart()->axes(Qt::Vertical).constFirst());
    y->setRange(0, double(std::max<qint64>(top, 4)));
    y->applyNiceNumbers();
}

void TrafficChart::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT activated();
    QChartView::mouseReleaseEvent(event);
}

void TrafficChart::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT activated();
        return;
    }
    QChartView::keyPressEvent(event);
}

} // namespace knotie
