import { onBeforeUnmount, onMounted, type Ref, type ShallowRef } from 'vue';
import { pan, pinchView, wheelFactor, zoomAt, type Point, type View, type ZoomLimits } from './map-view';

/** A press that moves less than this (pixels) is a tap, not a drag. */
const TAP_SLOP = 6;

export interface MapGestureOptions {
  element: Readonly<ShallowRef<SVGSVGElement | null>>;
  view: Ref<View | null>;
  limits: () => ZoomLimits | null;
  /** A tap or click at a point of the element (pixels from its top-left corner). */
  onTap: (point: Point) => void;
}

/**
 * Drag to pan, wheel and pinch to zoom, a tap to pick, on one SVG element through
 * pointer events (mouse, pen and touch alike). The wheel listener is not passive: the page does
 * not scroll while the pointer zooms the map.
 */
export function useMapGestures({ element, view, limits, onTap }: MapGestureOptions) {
  const pointers = new Map<number, Point>();
  let gestureStart: { view: View; pointers: Map<number, Point> } | null = null;
  let moved = 0;
  let wasMultiTouch = false;

  const local = (event: { clientX: number; clientY: number }): Point => {
    const rect = element.value!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  function restart() {
    gestureStart = view.value ? { view: view.value, pointers: new Map(pointers) } : null;
  }

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    element.value?.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, local(event));
    if (pointers.size === 1) {
      moved = 0;
      wasMultiTouch = false;
    } else wasMultiTouch = true;
    restart();
  }

  function onPointerMove(event: PointerEvent) {
    if (!pointers.has(event.pointerId) || !gestureStart) return;
    const point = local(event);
    const previous = pointers.get(event.pointerId)!;
    moved += Math.hypot(point.x - previous.x, point.y - previous.y);
    pointers.set(event.pointerId, point);
    const zoom = limits();
    if (!zoom) return;
    const ids = [...gestureStart.pointers.keys()].filter((id) => pointers.has(id));
    if (ids.length >= 2) {
      const [a, b] = ids;
      view.value = pinchView(gestureStart.view, [gestureStart.pointers.get(a)!, gestureStart.pointers.get(b)!], [pointers.get(a)!, pointers.get(b)!], zoom);
    } else if (ids.length === 1) {
      const from = gestureStart.pointers.get(ids[0])!;
      const to = pointers.get(ids[0])!;
      view.value = pan(gestureStart.view, to.x - from.x, to.y - from.y);
    }
  }

  function onPointerUp(event: PointerEvent) {
    if (!pointers.has(event.pointerId)) return;
    const point = local(event);
    pointers.delete(event.pointerId);
    if (pointers.size === 0 && !wasMultiTouch && moved < TAP_SLOP && event.type === 'pointerup') onTap(point);
    // The remaining finger continues as a drag from where it is.
    restart();
  }

  function onWheel(event: WheelEvent) {
    const zoom = limits();
    if (!view.value || !zoom) return;
    event.preventDefault();
    view.value = zoomAt(view.value, wheelFactor(event.deltaY, event.deltaMode), local(event), zoom);
  }

  const listeners: [string, EventListener, AddEventListenerOptions?][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['pointermove', onPointerMove as EventListener],
    ['pointerup', onPointerUp as EventListener],
    ['pointercancel', onPointerUp as EventListener],
    ['wheel', onWheel as EventListener, { passive: false }],
  ];
  onMounted(() => {
    for (const [type, listener, options] of listeners) element.value?.addEventListener(type, listener, options);
  });
  onBeforeUnmount(() => {
    for (const [type, listener] of listeners) element.value?.removeEventListener(type, listener);
  });
}
