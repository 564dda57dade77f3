#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringView>
#include <QTimer>

namespace knotie {

class KeyTableModel;

// The keys' searchable fields (name, description, prefix…last 4, creator, customer name),
// case-folded into one UTF-8 buffer, so a search runs one plain pass per row instead of five
// case-insensitive ones. Reading 100,000 keys' strings takes tens of milliseconds (each
// is its own allocation), so the buffer is built on a pool thread after the keys change;
// a search that comes first builds it at once.
class KeySearchText : public QObject {
    Q_OBJECT
public:
    explicit KeySearchText(QObject *parent = nullptr);
    ~KeySearchText() override;

    void setKeyModel(const KeyTableModel *keys);
    // The keys' searchable fields changed: built again, in the background, once the
    // changes of this event-loop pass are in.
    void invalidate();
    bool isBuilt() const { return m_built; }

    // Source row `row`'s folded text, as UTF-8: half the bytes of UTF-16 for the mostly
    // ASCII text, and a search reads every row's. Inline for the same reason.
    QByteArrayView row(int row) {
        if (!m_built)
            prepare();
        const qsizetype start = m_starts.at(row);
        return QByteArrayView(m_text.constData() + start, m_starts.at(row + 1) - start);
    }

    // What a search for `typed` looks for: a pasted whole secret (well-formed, checksum
    // right) becomes the key as the table shows it, "kn_pk_…jC2d", so the secret itself is
    // never kept as the filter; "..." typed by hand means "…".
    static QString searchedText(const QString &typed);
    // "kn_pk_…jC2d" for a whole secret recognised by format and checksum, else empty.
    static QString maskedIfWholeSecret(const QString &text);
    // Case folding as the search applies it, to the text searched for.
    static QString folded(QString text);

    struct Buffer {
        QByteArray text;
        QList<qsizetype> starts; // row r from starts[r] to starts[r + 1]
        quint64 version = 0;
    };

Q_SIGNALS:
    void built();

private:
    // Builds the text now, or takes what the pool thread has built or is building.
    void prepare();
    void buildInBackground();
    void take(Buffer buffer);

    const KeyTableModel *m_keys = nullptr;
    QByteArray m_text;
    QList<qsizetype> m_starts;
    bool m_built = false;
    quint64 m_version = 0;
    QTimer m_soon;
    QFutureWatcher<Buffer> m_watcher;
};

} // namespace knotie
