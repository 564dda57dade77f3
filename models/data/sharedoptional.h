#pragma once

#include <QExplicitlySharedDataPointer>
#include <QSharedData>

#include <optional>
#include <utility>

namespace knotie {

// An optional value that costs one pointer while empty, for fields most records leave
// unset: std::optional<PersonRef> takes 56 bytes in every key, set or not, and 100,000
// keys carry two of them. Set values are shared between copies (never changed in place:
// assigning replaces), and compare by value. One pointer, not a std::shared_ptr's two:
// the count lives beside the value.
template <typename T> class SharedOptional {
public:
    SharedOptional() = default;
    SharedOptional(std::nullopt_t) {}
    SharedOptional(T value)
        : m_value(new Shared{{}, std::move(value)}) {}
    SharedOptional(std::optional<T> value) {
        if (value)
            m_value = new Shared{{}, std::move(*value)};
    }

    bool has_value() const { return bool(m_value); }
    explicit operator bool() const { return has_value(); }
    const T &operator*() const { return m_value->value; }
    const T *operator->() const { return &m_value->value; }
    void reset() { m_value.reset(); }

    friend bool operator==(const SharedOptional &a, const SharedOptional &b) {
        return a.m_value == b.m_value || (a.m_value && b.m_value && a.m_value->value == b.m_value->value);
    }

private:
    struct Shared : QSharedData {
        T value;
    };
    QExplicitlySharedDataPointer<const Shared> m_value;
};

} // namespace knotie
