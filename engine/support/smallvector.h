#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>

namespace tusk {

/// A vector that keeps its first N elements inside the object. A task's frame and locals
/// usually fit, so stepping a task touches its own record and nothing else on the heap
/// (with 100,000 tasks, each extra pointer to chase is a cache miss per step).
template<typename T, std::size_t N> class SmallVector {
public:
    SmallVector() = default;
    SmallVector(const SmallVector &) = delete;
    SmallVector &operator=(const SmallVector &) = delete;
    SmallVector(SmallVector &&other) noexcept { moveFrom(other); }
    SmallVector &operator=(SmallVector &&other) noexcept
    {
        if (this != &other) {
            release();
            moveFrom(other);
        }
        return *this;
    }
    ~SmallVector() { release(); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T *data() { return m_data; }
    const T *data() const { return m_data; }
    T &operator[](std::size_t i) { return m_data[i]; }
    const T &operator[](std::size_t i) const { return m_data[i]; }
    T &back() { return m_data[m_size - 1]; }
    const T &back() const { return m_data[m_size - 1]; }

    void push_back(T value)
    {
        if (m_size == m_capacity)
            grow(std::max<std::size_t>(1, std::size_t(m_capacity) * 2));
        new (m_data + m_size) T(std::move(value));
        ++m_size;
    }

    void pop_back() { m_data[--m_size].~T(); }

    void resize(std::size_t n, const T &fill = T())
    {
        if (n > m_capacity)
            grow(std::max<std::size_t>(n, m_capacity * 2));
        while (m_size < n)
            new (m_data + m_size++) T(fill);  // NOLINT
        while (m_size > n)
            m_data[--m_size].~T();
    }

    /// Destroys the elements and gives heap memory back.
    void release()
    {
        resize(0);
        if (m_data != inlineData())
            ::operator delete(m_data);
        m_data = inlineData();
        m_capacity = N;
    }

private:
    T *inlineData() { return reinterpret_cast<T *>(m_inline); }

    void grow(std::size_t capacity)
    {
        T *bigger = static_cast<T *>(::operator new(capacity * sizeof(T)));
        for (std::size_t i = 0; i < m_size; ++i) {
            new (bigger + i) T(std::move(m_data[i]));
            m_data[i].~T();
        }
        if (m_data != inlineData())
            ::operator delete(m_data);
        m_data = bigger;
        m_capacity = std::uint32_t(capacity);
    }

    void moveFrom(SmallVector &other)
    {
        if (other.m_data == other.inlineData()) {
            m_data = inlineData();
            m_capacity = N;
            m_size = 0;
            for (std::size_t i = 0; i < other.m_size; ++i)
                new (m_data + m_size++) T(std::move(other.m_data[i]));
            other.resize(0);
        } else {
            m_data = other.m_data;
            m_size = other.m_size;
            m_capacity = other.m_capacity;
            other.m_data = other.inlineData();
            other.m_size = 0;
            other.m_capacity = N;
        }
    }

    alignas(T) unsigned char m_inline[N * sizeof(T)];
    T *m_data = inlineData();
    std::uint32_t m_size = 0;  // 32-bit counts keep the header small: tasks are cache-bound
    std::uint32_t m_capacity = N;
};

}  // namespace tusk
