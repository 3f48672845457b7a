import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"stubborn ignores it")
    await asyncio.sleep(1)
    return 42


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    r = await t
    print(f"result {r} cancelled={t.cancelled()} at {_now():.1f}")


asyncio.run(main())
