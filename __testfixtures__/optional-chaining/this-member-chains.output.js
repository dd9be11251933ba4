// Repeated member chains without calls: `this.x` is read twice before and once after (getters assumed pure).
class View {
  render() {
    if (this.el?.parentNode) this.el.parentNode.removeChild(this.el);
    if (this.model?.attrs?.title) return true;
    return !!(this.options?.silent);
  }
}
