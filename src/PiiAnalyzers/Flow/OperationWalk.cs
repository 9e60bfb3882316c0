using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The descendants of an operation in pre-order, as <c>IOperation.Descendants()</c> yields them, without its
    /// per-call iterator and stack of child enumerators: the scan walks every operation of every body, and helpers' bodies
    /// while it walks. The stacks are pooled per thread (a walk inside a walk takes a second one); use in <c>foreach</c>.
    /// </summary>
    internal struct OperationWalk : IDisposable
    {
        [ThreadStatic]
        private static Stack<Stack<IOperation>>? t_pool;

        private Stack<IOperation>? _pending;
        private IOperation? _current;

        public OperationWalk(IOperation root)
        {
            _pending = Rent();
            _current = null;
            PushChildren(_pending, root);
        }

        public IOperation Current => _current!;

        public OperationWalk GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_pending is null || _pending.Count == 0)
            {
                return false;
            }

            _current = _pending.Pop();
            PushChildren(_pending, _current);
            return true;
        }

        public void Dispose()
        {
            if (_pending is { } pending)
            {
                pending.Clear();
                (t_pool ??= new Stack<Stack<IOperation>>()).Push(pending);
                _pending = null;
            }
        }

        private static Stack<IOperation> Rent() => t_pool is { Count: > 0 } pool ? pool.Pop() : new Stack<IOperation>();

        private static void PushChildren(Stack<IOperation> pending, IOperation operation)
        {
            // Last child first, so that the first is popped first.
            foreach (var child in operation.ChildOperations.Reverse())
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
