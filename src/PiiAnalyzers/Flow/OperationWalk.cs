using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The descendants of an operation in pre-order, as <c>IOperation.Descendants()</c> yields them, without its
    /// per-call iterator and stack of child enumerators: the scan walks every operation of every body, and helpers' bodies
    /// while it walks. Each enumeration takes a stack from a per-thread pool (a walk inside a walk takes a second one) and
    /// gives it back when <c>foreach</c> disposes of it.
    /// </summary>
    internal readonly struct OperationWalk
    {
        [ThreadStatic]
        private static Stack<Stack<IOperation>>? t_pool;

        private readonly IOperation _root;

        public OperationWalk(IOperation root)
        {
            _root = root;
        }

        public Enumerator GetEnumerator() => new Enumerator(_root);

        internal struct Enumerator : IDisposable
        {
            private Stack<IOperation>? _pending;
            private IOperation? _current;

            public Enumerator(IOperation root)
            {
                _pending = t_pool is { Count: > 0 } pool ? pool.Pop() : new Stack<IOperation>();
                _current = null;
                PushChildren(_pending, root);
            }

            public IOperation Current => _current!;

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
}
