import asyncio

async def w(i):
    await asyncio.sleep(0.1 * i)
    print("w", i)
    return i * 10

async def main():
    coros = [w(i) for i in range(3)]
    print(type(coros[0]).__name__)
    r = await asyncio.gather(*coros)
    print(r)
    c = w(5)
    t = asyncio.create_task(c, name="five")
    v = await t
    print(t.get_name(), v)
    d = w(7)
    x = await d
    print(x)
    try:
        await d
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError", e)
    results = await asyncio.gather(*(w(i) for i in range(2)), w(9))
    print(results)

asyncio.run(main())
