import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def c():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"c cancelled")
        raise


async def b():
    tc = asyncio.create_task(c())
    try:
        await tc
    except asyncio.CancelledError:
        print(f"b cancelled")
        raise


async def a():
    tb = asyncio.create_task(b())
    try:
        await tb
    except asyncio.CancelledError:
        print(f"a cancelled")
        raise


async def ticker():
    for i in range(6):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    ta = asyncio.create_task(a())
    await asyncio.sleep(1)
    tk = asyncio.create_task(ticker())
    ta.cancel('down')
    try:
        await ta
    except asyncio.CancelledError as e:
        print(f"main: {e!r}")
    await tk


asyncio.run(main())
