import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def never():
    print(f"this must not print")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(never())
    t.cancel()
    print(f"cancelled={t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"await raised {e!r}")
    print(f"cancelled={t.cancelled()}")


asyncio.run(main())
