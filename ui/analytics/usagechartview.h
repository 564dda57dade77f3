#pragma once

#include "models/data/apikey.h"

#include <QImage>
#include <QWidget>

class QLabel;

namespace knotie {

class ChartCanvas;

// When a bucket starts, as a person reads it: local time for hours, the UTC date for days.
QString bucketTimeText(UnixTime start, qint64 bucketSeconds);

// The first or last bucket covers less than its span (the current hour or day so far, a
// day the range starts within): drawn dashed, apart from the whole ones, not as a drop.
struct PartialEnds {
    bool first = false;
    bool last = false;
};

// The one class that knows the drawing library (Qt Charts): requests over time stacked by
// outcome, p95 latency on a second axis, and optional extra request lines (the keys of a
// rotation side by side). Swapping the library means rewriting this file only.
class UsageChartView : public QWidget {
    Q_OBJECT
public:
    explicit UsageChartView(QWidget *parent = nullptr);
    ~UsageChartView() override;

    struct Line {
        QString name;
        QList<UsageBucket> buckets;
    };
    // Replaces everything shown. `bucketSeconds` is the width of one bucket.
    void setData(const QList<UsageBucket> &buckets, qint64 bucketSeconds, const QList<Line> &lines = {},
                 PartialEnds partial = {});
    PartialEnds partialEnds() const { return m_partial; }
    // A sentence over the chart ("Loading usage…", "No requests in this range"); empty hides it.
    void setMessage(const QString &message);
    QString message() const;
    QImage image() const;
    // The exact figures of one bucket, as the hover shows them.
    QString describeBucket(int index) const;
    int bucketAt(qint64 msecsSinceEpoch) const;

Q_SIGNALS:
    void bucketClicked(knotie::UnixTime start, qint64 bucketSeconds);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class ChartCanvas;
    void hoverAt(const QPoint &pos, const QPoint &globalPos);
    void clickAt(const QPoint &pos);
    void redraw();

    ChartCanvas *m_canvas;
    QLabel *m_message;
    QList<UsageBucket> m_buckets;
    qint64 m_bucketSeconds = 3600;
    QList<Line> m_lines;
    PartialEnds m_partial;
};

} // namespace knotie
