#pragma once

#include <cstddef>
#include <vector>

namespace tusk {

/// A FIFO over a power-of-two ring buffer: push and pop never allocate once the buffer has
/// grown to the largest size the run needs (std::deque allocates per block).
template<typename T>
class RingQueue {
public:
    bool empty() const { return m_size == 0; }
    std::size_t size() const { return m_size; }

    void push(const T &value)
    {
        if (m_size == m_capacity)
            grow();
        m_buffer[(m_head + m_size) & m_mask] = value;
        ++m_size;
    }

    T pop()
    {
        T value = m_buffer[m_head];
        m_head = (m_head + 1) & m_mask;
        --m_size;
        return value;
    }

    const T &at(std::size_t i) const { return m_buffer[(m_head + i) & m_mask]; }

    void clear()
    {
        m_head = 0;
        m_size = 0;
    }

private:
    void grow()
    {
        std::vector<T> bigger(m_buffer.empty() ? 64 : m_buffer.size() * 2);
        for (std::size_t i = 0; i < m_size; ++i)
            bigger[i] = at(i);
        m_buffer.swap(bigger);
        m_head = 0;
        m_mask = m_buffer.size() - 1;
        m_capacity = m_buffer.size();
    }

    std::vector<T> m_buffer;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
    std::size_t m_capacity = 0;  ///< capacity - 1 (capacity is a power of two)
};

} // namespace tusk
