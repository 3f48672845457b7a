import asyncio

async def my_coroutine():
    print("Начало выполнения задачи")
    await asyncio.sleep(1)
    print("Задача выполнена")

async def main():
    # Создание задачи
    task = asyncio.create_task(my_coroutine())
    
    # Начало выполнения и ожидание завершения задачи
    await task

# Запуск главной программы
asyncio.run(main())
