#pragma once

#include <QSet>
#include <QString>

namespace knotie {

// One shared copy of each value that repeats across many rows (a key's prefix, its
// customer, its creator): the rows hold the same implicitly shared QString instead of a
// string each. Meant for one load; drop it afterwards, the strings live on in the rows.
class StringInterner {
public:
    QString intern(const QString &value) {
        if (value.isEmpty())
            return value;
        const auto found = m_strings.constFind(value);
        if (found != m_strings.cend())
            return *found;
        m_strings.insert(value);
        return value;
    }

private:
    QSet<QString> m_strings;
};

} // namespace knotie
