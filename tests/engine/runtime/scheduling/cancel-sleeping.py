import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"sleeper caught {e!r}")
        raise


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    t.cancel('stop')
    print(f"cancel requested: done={t.done()} cancelled={t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"main caught {e!r}")
    print(f"now done={t.done()} cancelled={t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError as e2:
        print(f"second await raises {e2!r}")


asyncio.run(main())
