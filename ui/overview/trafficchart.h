#pragma once

#include <QChartView>
#include <QList>

class QDateTimeAxis;
class QLineSeries;

namespace knotie {

// The Overview's small chart: requests per hour over the last 24 hours against the 24
// before, hour by hour. It is a way into Analytics: a click, Enter or Space opens it.
class TrafficChart : public QChartView {
    Q_OBJECT
public:
    explicit TrafficChart(QWidget *parent = nullptr);

    // Requests per hour, oldest first; each list replaces what was shown. The hours are read
    // on the time axis from `lastStart`, the first of the last 24 (the 24 before lie under them).
    void setSeries(const QList<qint64> &last24, const QList<qint64> &previous24, qint64 lastStart = 0);

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineSeries *m_last;
    QLineSeries *m_previous;
    QDateTimeAxis *m_hours;
};

} // namespace knotie
