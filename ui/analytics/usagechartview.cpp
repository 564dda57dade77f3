#include "ui/analytics/usagechartview.h"

#include "ui/style/palette.h"
#include "ui/widgets/timeaxis.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsRectItem>
#include <QKeyEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <optional>
#include <utility>

namespace knotie {

// The Qt Charts scene. Points go in with replace() and whole lists: appending one by one
// to a series already in a chart is quadratic.
class ChartCanvas : public QChartView {
public:
    // Built with its chart: QChartView() makes an empty one that setChart() would release
    // without deleting.
    explicit ChartCanvas(UsageChartView *owner)
        : QChartView(new QChart)
        , m_owner(owner) {
        QChart *chart = this->chart();
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        setRenderHint(QPainter::Antialiasing);
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);

        m_x = new QDateTimeAxis;
        m_y = new QValueAxis;
        m_latency = new QValueAxis;
        m_y->setLabelFormat(QStringLiteral("%d"));
        m_y->setTickCount(5);
        m_latency->setTickCount(5);
        m_latency->setLabelFormat(QStringLiteral("%d ms"));
        chart->addAxis(m_x, Qt::AlignBottom);
        chart->addAxis(m_y, Qt::AlignLeft);
        chart->addAxis(m_latency, Qt::AlignRight);

        const QList<QPair<QString, QColor>> outcomes{
            {UsageChartView::tr("OK"), themeColor(ColorRole::ChartOk)},
            {UsageChartView::tr("Client errors (4xx)"), themeColor(ColorRole::ChartClientErrors)},
            {UsageChartView::tr("Server errors (5xx)"), themeColor(ColorRole::ChartServerErrors)}};
        // Each band lies on the one below: its lower edge is that band's upper series, the
        // same object, so new figures go in once per edge. The first lies on zero.
        QLineSeries *lower = nullptr;
        for (const auto &[name, colour] : outcomes) {
            auto *upper = new QLineSeries(chart);
            auto *area = new QAreaSeries(upper, lower);
            lower = upper;
            area->setName(name);
            // The series holds the figures, the axes and the legend entry; drawBackground
            // paints the band. Qt's one polygon per band costs its scan converter time
            // quadratic in the edges a row of pixels crosses: 22 ms for 90 days by hour.
            area->setBrush(Qt::NoBrush);
            area->setPen(Qt::NoPen);
            chart->addSeries(area);
            area->attachAxis(m_x);
            area->attachAxis(m_y);
            chart->legend()->markers(area).constFirst()->setBrush(colour);
            m_areas.append(area);
            m_bandColours.append(colour);
            QObject::connect(area, &QAbstractSeries::visibleChanged, viewport(),
                             qOverload<>(&QWidget::update));
            QObject::connect(upper, &QXYSeries::pointsReplaced, viewport(), qOverload<>(&QWidget::update));
        }
        // The chart's own background would cover the bands painted beneath the scene:
        // drawBackground paints it instead, where the chart lays it out (the hidden item
        // below everything else, which the chart keeps placed).
        m_backgroundBrush = chart->backgroundBrush();
        chart->setBackgroundVisible(false);
        for (QGraphicsItem *item : chart->childItems()) {
            auto *rect = qgraphicsitem_cast<QGraphicsRectItem *>(item);
            if (rect && rect->zValue() < 0)
                m_background = rect;
        }
        QObject::connect(chart, &QChart::plotAreaChanged, viewport(), qOverload<>(&QWidget::update));
        m_p95 = new QLineSeries;
        m_p95->setName(UsageChartView::tr("p95 latency"));
        m_p95->setColor(themeColor(ColorRole::ChartLatency));
        chart->addSeries(m_p95);
        m_p95->attachAxis(m_x);
        m_p95->attachAxis(m_latency);
        // Partial buckets: a dashed line from the whole buckets to each partial end.
        for (int i = 0; i < 2; ++i) {
            auto *partial = new QLineSeries;
            partial->setName(UsageChartView::tr("Partial (so far)"));
            QPen pen(themeColor(ColorRole::ChartOk).darker(130), 2, Qt::DashLine);
            partial->setPen(pen);
            partial->setPointsVisible(true);
            chart->addSeries(partial);
            partial->attachAxis(m_x);
            partial->attachAxis(m_y);
            m_partial.append(partial);
        }
        // One legend entry speaks for both ends.
        chart->legend()->markers(m_partial.at(1)).constFirst()->setVisible(false);

        toggleFromLegend(nullptr);
    }

    // Legend entries toggle their series (all, or just `series`'s); a hidden one stays in
    // the legend, faded.
    void toggleFromLegend(QAbstractSeries *series) {
        const QList<QLegendMarker *> markers = chart()->legend()->markers(series);
        for (QLegendMarker *marker : markers)
            QObject::connect(marker, &QLegendMarker::clicked, m_owner, [this, marker] {
                showSeries(marker->series(), !marker->series()->isVisible());
            });
    }

    void showSeries(QAbstractSeries *series, bool visible) {
        series->setVisible(visible);
        if (series == m_partial.value(0))
            m_partial.at(1)->setVisible(visible);
        const QList<QLegendMarker *> markers = chart()->legend()->markers(series);
        for (QLegendMarker *marker : markers) {
            marker->setVisible(true);
            QColor c = marker->labelBrush().color();
            c.setAlphaF(visible ? 1.0 : 0.4);
            marker->setLabelBrush(c);
        }
    }

    void show(const QList<UsageBucket> &buckets, qint64 step, const QList<UsageChartView::Line> &lines,
              PartialEnds partial) {
        const qsizetype n = buckets.size();
        QList<QPointF> ok, client, server, p95;
        qint64 top = 0;
        int slowest = 0;
        // The stacked areas show whole buckets only; a partial end is a dashed line to its figure.
        const qsizetype wholeFrom = partial.first ? 1 : 0;
        const qsizetype wholeTo = partial.last ? n - 1 : n;
        const auto total = [&](qsizetype i) {
            return QPointF(chartTime(buckets.at(i).start, step), qreal(buckets.at(i).requests));
        };
        QList<QPointF> ends[2];
        if (n > 0 && partial.first)
            ends[0] = wholeFrom < n ? QList<QPointF>{total(0), total(wholeFrom)} : QList<QPointF>{total(0)};
        if (n > 0 && partial.last && n - 1 >= wholeFrom)
            ends[1] = wholeTo > wholeFrom ? QList<QPointF>{total(wholeTo - 1), total(n - 1)}
                                          : QList<QPointF>{total(n - 1)};
        for (int i = 0; i < 2; ++i)
            m_partial[i]->replace(ends[i]);
        // More buckets than pixels (90 days by hour: 2,160 in about 1,100): each drawn
        // point stands for the buckets of two pixels and takes their highest figures, so
        // every band reaches each peak as drawing them all would, for a fraction of the
        // work. The p95 line keeps each run's lowest and highest, in their order.
        const qsizetype run = runFor(n);
        m_run = run;
        const qsizetype drawn = (n + run - 1) / run + 1;
        for (QList<QPointF> *series : {&ok, &client, &server})
            series->reserve(drawn);
        p95.reserve(2 * drawn);
        for (qsizetype from = 0; from < n; from += run) {
            const qsizetype to = std::min(n, from + run);
            const qreal x = chartTime(buckets.at(from).start, step);
            qint64 okTop = -1, clientTop = -1, serverTop = -1;
            std::optional<std::pair<qsizetype, int>> low, high; // bucket, p95
            for (qsizetype i = from; i < to; ++i) {
                const UsageBucket &b = buckets.at(i);
                if (i >= wholeFrom && i < wholeTo) {
                    okTop = std::max(okTop, b.ok);
                    clientTop = std::max(clientTop, b.ok + b.clientErrors);
                    serverTop = std::max(serverTop, b.ok + b.clientErrors + b.serverErrors);
                }
                top = std::max(top, b.requests);
                if (b.p95Ms) {
                    if (!low || *b.p95Ms < low->second)
                        low = {i, *b.p95Ms};
                    if (!high || *b.p95Ms > high->second)
                        high = {i, *b.p95Ms};
                    slowest = std::max(slowest, *b.p95Ms);
                }
            }
            if (okTop >= 0) {
                ok.append({x, qreal(okTop)});
                client.append({x, qreal(clientTop)});
                server.append({x, qreal(serverTop)});
            }
            if (low) {
                const auto point = [&](const std::pair<qsizetype, int> &at) {
                    return QPointF(chartTime(buckets.at(at.first).start, step), qreal(at.second));
                };
                p95.append(point(low->first <= high->first ? *low : *high));
                if (low->first != high->first)
                    p95.append(point(low->first <= high->first ? *high : *low));
            }
        }
        // A run's point stands at its first bucket: the bands end at the last whole one.
        if (run > 1 && !ok.isEmpty() && wholeTo > wholeFrom) {
            const qreal x = chartTime(buckets.at(wholeTo - 1).start, step);
            if (ok.last().x() < x) {
                ok.append({x, ok.last().y()});
                client.append({x, client.last().y()});
                server.append({x, server.last().y()});
            }
        }
        // The legend offers "so far" only while a partial bucket shows.
        chart()->legend()->markers(m_partial.at(0)).constFirst()->setVisible(partial.first || partial.last);
        const QList<QPointF> *uppers[] = {&ok, &client, &server};
        for (int i = 0; i < 3; ++i)
            m_areas[i]->upperSeries()->replace(*uppers[i]);
        m_p95->replace(p95);

        // A line hidden from the legend stays hidden when it is drawn again (a resize, new
        // figures), as the bands do.
        QSet<QString> hidden;
        for (const QLineSeries *s : std::as_const(m_lines))
            if (!s->isVisible())
                hidden.insert(s->name());
        qDeleteAll(m_lines);
        m_lines.clear();
        for (const UsageChartView::Line &line : lines) {
            auto *s = new QLineSeries;
            s->setName(line.name);
            QList<QPointF> points;
            points.reserve(line.buckets.size());
            for (const UsageBucket &b : line.buckets) {
                points.append({chartTime(b.start, step), qreal(b.requests)});
                top = std::max(top, b.requests);
            }
            s->replace(points);
            chart()->addSeries(s);
            s->attachAxis(m_x);
            s->attachAxis(m_y);
            m_lines.append(s);
            toggleFromLegend(s);
            if (hidden.contains(line.name))
                showSeries(s, false);
        }

        // More points than pixels: smoothing edges only costs time (it doubles painting).
        setRenderHint(QPainter::Antialiasing, n <= plotWidth());

        const UnixTime from = n ? buckets.first().start : 0;
        const UnixTime to = n ? buckets.last().start + step : step;
        setTimeAxis(m_x, from, to, step, std::clamp(int(width() / 80), 3, 12));
        m_y->setRange(0, std::max<qint64>(top, 1) * 1.1);
        m_y->applyNiceNumbers();
        // Without latency figures the axis still reads sensibly rather than 0 ms, 0 ms, 1 ms.
        m_latency->setRange(0, std::max(slowest, 100) * 1.1);
        m_latency->applyNiceNumbers();
    }

    // How many buckets one drawn point stands for: those of two pixels of the view (the
    // plot is a little narrower), so a resize can redraw at once, before the chart's layout.
    qsizetype runFor(qsizetype buckets) const {
        const qsizetype columns = std::max(1, width() / 2);
        return std::max<qsizetype>(1, (buckets + columns - 1) / columns);
    }

    // The plot's width in pixels; before the first layout, the view's.
    qreal plotWidth() const {
        const qreal plotted = chart()->plotArea().width();
        return plotted > 0 ? plotted : qreal(width());
    }

protected:
    // The background, then each band in pieces of a few dozen points: every piece's edges
    // are few, so filling them all is linear in the points. Smoothed edges (few points)
    // take one polygon per band, as a seam between smoothed pieces would show.
    void drawBackground(QPainter *painter, const QRectF &rect) override {
        QChartView::drawBackground(painter, rect);
        if (m_background) { // the chart's card, as it would draw it
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_backgroundBrush);
            const qreal radius = chart()->backgroundRoundness();
            painter->drawRoundedRect(m_background->mapRectToScene(m_background->rect()), radius, radius);
        }
        const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
        painter->save();
        painter->setClipRect(plot);
        painter->setPen(Qt::NoPen);
        const bool smooth = painter->testRenderHint(QPainter::Antialiasing);
        constexpr qsizetype piece = 32;
        for (qsizetype band = 0; band < m_areas.size(); ++band) {
            QAreaSeries *area = m_areas.at(band);
            if (!area->isVisible())
                continue;
            const QList<QPointF> upper = area->upperSeries()->points();
            const QList<QPointF> lower =
                area->lowerSeries() ? area->lowerSeries()->points() : QList<QPointF>();
            if (upper.size() < 2 || (!lower.isEmpty() && lower.size() != upper.size()))
                continue;
            const auto at = [&](const QPointF &value) {
                return chart()->mapToScene(chart()->mapToPosition(value, area));
            };
            painter->setBrush(m_bandColours.at(band));
            const qsizetype step = smooth ? upper.size() : piece;
            QPolygonF polygon;
            for (qsizetype from = 0; from + 1 < upper.size(); from += step) {
                const qsizetype to = std::min(upper.size() - 1, from + step);
                polygon.clear();
                for (qsizetype i = from; i <= to; ++i)
                    polygon.append(at(upper.at(i)));
                for (qsizetype i = to; i >= from; --i)
                    polygon.append(at(lower.isEmpty() ? QPointF(upper.at(i).x(), 0) : lower.at(i)));
                painter->drawPolygon(polygon);
            }
        }
        painter->restore();
    }

    void resizeEvent(QResizeEvent *event) override {
        QChartView::resizeEvent(event);
        if (runFor(m_owner->m_buckets.size()) != m_run)
            m_owner->redraw();
    }
    void mouseMoveEvent(QMouseEvent *event) override {
        m_owner->hoverAt(event->position().toPoint(), event->globalPosition().toPoint());
        QChartView::mouseMoveEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent *event) override {
        if (event->button() == Qt::LeftButton && chart()->plotArea().contains(event->position()))
            m_owner->clickAt(event->position().toPoint());
        QChartView::mouseReleaseEvent(event);
    }
    // Keyboard: arrows walk the buckets and read each one out, Enter narrows to it.
    void keyPressEvent(QKeyEvent *event) override {
        const qsizetype n = m_owner->m_buckets.size();
        if (n == 0)
            return QChartView::keyPressEvent(event);
        switch (event->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right: {
            m_focus = std::clamp<qsizetype>(m_focus + (event->key() == Qt::Key_Left ? -1 : 1), 0, n - 1);
            const QString text = m_owner->describeBucket(int(m_focus));
            const QPointF at = chart()->mapToPosition(
                QPointF(chartTime(m_owner->m_buckets.at(m_focus).start, m_owner->m_bucketSeconds), 0),
                m_areas.first());
            QToolTip::showText(mapToGlobal(at.toPoint()), text, this);
            setAccessibleDescription(text);
            return;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_focus >= 0 && m_focus < n)
                Q_EMIT m_owner->bucketClicked(m_owner->m_buckets.at(m_focus).start, m_owner->m_bucketSeconds);
            return;
        default:
            QChartView::keyPressEvent(event);
        }
    }

public:
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QValueAxis *m_latency;
    QList<QAreaSeries *> m_areas;
    QList<QColor> m_bandColours;
    QBrush m_backgroundBrush;
    QGraphicsRectItem *m_background = nullptr;
    QLineSeries *m_p95;
    QList<QLineSeries *> m_partial;
    QList<QLineSeries *> m_lines;
    qsizetype m_focus = -1;

private:
    qsizetype m_run = 1;
    UsageChartView *m_owner;
};

QString bucketTimeText(UnixTime start, qint64 bucketSeconds) {
    // Day buckets are UTC days: named by their UTC date, whatever the local zone.
    const QLocale locale;
    return bucketSeconds < 86400
               ? locale.toString(QDateTime::fromSecsSinceEpoch(start), QLocale::ShortFormat)
               : locale.toString(QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date(), QLocale::ShortFormat);
}

UsageChartView::UsageChartView(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new ChartCanvas(this))
    , m_message(new QLabel(m_canvas)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas);
    m_canvas->setObjectName(QStringLiteral("usageChart"));
    m_canvas->setAccessibleName(tr("Requests over time"));
    m_message->setObjectName(QStringLiteral("chartMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_message->setStyleSheet(QStringLiteral("QLabel { font-size: 14pt; color: palette(mid); }"));
    m_message->hide();
    setMinimumHeight(260);
    setData({}, 3600);
}

UsageChartView::~UsageChartView() = default;

void UsageChartView::setData(const QList<UsageBucket> &buckets, qint64 bucketSeconds,
                             const QList<Line> &lines, PartialEnds partial) {
    m_buckets = buckets;
    m_bucketSeconds = bucketSeconds;
    m_lines = lines;
    m_partial = partial;
    m_canvas->m_focus = -1;
    redraw();
}

void UsageChartView::redraw() {
    m_canvas->show(m_buckets, m_bucketSeconds, m_lines, m_partial);
}

void UsageChartView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    m_message->setGeometry(m_canvas->rect());
}

void UsageChartView::setMessage(const QString &message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_message->setGeometry(m_canvas->rect());
    m_message->raise();
}

QString UsageChartView::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

QImage UsageChartView::image() const {
    m_message->setGeometry(m_canvas->rect());
    return m_canvas->grab().toImage();
}

QString UsageChartView::describeBucket(int index) const {
    if (index < 0 || index >= m_buckets.size())
        return {};
    const UsageBucket &b = m_buckets.at(index);
    const QLocale locale;
    const QString when = bucketTimeText(b.start, m_bucketSeconds);
    const QString p95 = b.p95Ms ? tr("%1 ms").arg(*b.p95Ms) : tr("none");
    const bool last = index == m_buckets.size() - 1;
    QString text = tr("%1: %2 requests, %3 OK, %4 client errors, %5 server errors, p95 latency %6")
                       .arg(when, locale.toString(b.requests), locale.toString(b.ok),
                            locale.toString(b.clientErrors), locale.toString(b.serverErrors), p95);
    if (last && m_partial.last)
        text += QLatin1Char(' ') + tr("(partial: so far)");
    else if (index == 0 && m_partial.first)
        text += QLatin1Char(' ') + tr("(partial: the range starts within it)");
    return text;
}

int UsageChartView::bucketAt(qint64 msecsSinceEpoch) const {
    const UnixTime t = fromChartTime(qreal(msecsSinceEpoch), m_bucketSeconds);
    const auto it = std::upper_bound(m_buckets.cbegin(), m_buckets.cend(), t,
                                     [](UnixTime v, const UsageBucket &b) { return v < b.start; });
    if (it == m_buckets.cbegin())
        return -1;
    const int index = int(std::distance(m_buckets.cbegin(), it)) - 1;
    return t < m_buckets.at(index).start + m_bucketSeconds ? index : -1;
}

void UsageChartView::hoverAt(const QPoint &pos, const QPoint &globalPos) {
    if (!m_canvas->chart()->plotArea().contains(pos)) {
        QToolTip::hideText();
        return;
    }
    const QPointF value = m_canvas->chart()->mapToValue(pos, m_canvas->m_areas.first());
    const QString text = describeBucket(bucketAt(qint64(value.x())));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, text, m_canvas);
}

void UsageChartView::clickAt(const QPoint &pos) {
    const QPointF value = m_canvas->chart()->mapToValue(pos, m_canvas->m_areas.first());
    const int index = bucketAt(qint64(value.x()));
    if (index >= 0)
        Q_EMIT bucketClicked(m_buckets.at(index).start, m_bucketSeconds);
}

} // namespace knotie
